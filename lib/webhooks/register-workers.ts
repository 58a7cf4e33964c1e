import "server-only";
import type { PgBoss } from "pg-boss";
import type { Database } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { sendNormalize } from "./enqueue";
import { normalizeDelivery } from "./normalize-delivery";
import { NORMALIZE_RETRY_LIMIT, type NormalizeJobData, WEBHOOK_QUEUES } from "./queue-names";
import { sweepPendingDeliveries } from "./sweep-pending";

/** Creates the webhook queues (normalize with its policy and retries) and the sweeper's schedule. */
export async function declareWebhookQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(WEBHOOK_QUEUES.normalize.name, WEBHOOK_QUEUES.normalize.options);
  await boss.createQueue(WEBHOOK_QUEUES.sweep.name);
  await boss.schedule(WEBHOOK_QUEUES.sweep.name, WEBHOOK_QUEUES.sweep.cron);
}

/** Starts the normalize workers and the sweeper in this process. */
export async function registerWebhookWorkers(boss: PgBoss, db: Database): Promise<void> {
  await boss.work<NormalizeJobData>(WEBHOOK_QUEUES.normalize.name, { localConcurrency: 4 }, async (jobs) => {
    for (const job of jobs) {
      // Unexpected errors throw for pg-boss to retry; on the last attempt the delivery is marked failed.
      await normalizeDelivery(db, job.data.deliveryId, {
        finalAttempt: job.retryCount >= NORMALIZE_RETRY_LIMIT,
      });
    }
  });
  await boss.work(WEBHOOK_QUEUES.sweep.name, async () => {
    const sent = await sweepPendingDeliveries(db, (id) => sendNormalize(boss, null, id));
    if (sent > 0) logger.info({ sent }, "re-sent pending webhook deliveries");
  });
}
