import "server-only";
import type { PgBoss } from "pg-boss";
import type { Database } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { drainPendingDeliveries } from "./drain-pending";
import { sendDrain, sendNormalize } from "./enqueue";
import { normalizeDelivery } from "./normalize-delivery";
import {
  type DrainJobData,
  NORMALIZE_RETRY_LIMIT,
  type NormalizeJobData,
  WEBHOOK_QUEUES,
} from "./queue-names";
import { SWEEP_INTERVAL_MS, sweepPendingDeliveries } from "./sweep-pending";

/**
 * How long a drain in this process leaves alone a delivery it handed to the normalize job:
 * longer than that job's retries (5, 10, 20 s with backoff and jitter), so the job, not every
 * drain of a busy connection, retries it. After this it is tried again if still pending.
 */
const HANDED_OVER_MS = 3 * 60_000;

/** Creates the webhook queues (drain and normalize with their policies and retries) and the sweeper's schedule. */
export async function declareWebhookQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(WEBHOOK_QUEUES.drain.name, WEBHOOK_QUEUES.drain.options);
  await boss.createQueue(WEBHOOK_QUEUES.normalize.name, WEBHOOK_QUEUES.normalize.options);
  await boss.createQueue(WEBHOOK_QUEUES.sweep.name);
  await boss.schedule(WEBHOOK_QUEUES.sweep.name, WEBHOOK_QUEUES.sweep.cron);
}

/** Starts the drain, normalize and sweep workers in this process, and its sweep every few seconds. */
export async function registerWebhookWorkers(boss: PgBoss, db: Database): Promise<void> {
  const handedOver = new Map<number, number>();
  // One drain at a time per process, each normalizing DRAIN_CONCURRENCY deliveries side by side:
  // as many as the per-delivery jobs ran before. A drain that used its budget queues another
  // behind other connections' drains; other processes drain other connections meanwhile.
  await boss.work<DrainJobData>(WEBHOOK_QUEUES.drain.name, { localConcurrency: 1 }, async (jobs) => {
    for (const job of jobs) {
      const { connectionId } = job.data;
      const result = await drainPendingDeliveries(db, connectionId, {
        skip: (id) => (handedOver.get(id) ?? 0) > Date.now(),
        onError: async (deliveryId) => {
          // Retried (and finally marked failed) by its own job, as before drains existed.
          await sendNormalize(boss, null, deliveryId);
          if (handedOver.size > 10_000) handedOver.clear();
          handedOver.set(deliveryId, Date.now() + HANDED_OVER_MS);
        },
      });
      // Another drain is allowed to queue while this one runs; it picks up where this left off.
      if (result.more) await sendDrain(boss, connectionId);
    }
  });
  await boss.work<NormalizeJobData>(WEBHOOK_QUEUES.normalize.name, { localConcurrency: 4 }, async (jobs) => {
    for (const job of jobs) {
      // Unexpected errors throw for pg-boss to retry; on the last attempt the delivery is marked failed.
      await normalizeDelivery(db, job.data.deliveryId, {
        finalAttempt: job.retryCount >= NORMALIZE_RETRY_LIMIT,
      });
    }
  });
  const sweep = async () => {
    const woken = await sweepPendingDeliveries(db, (id) => sendDrain(boss, id));
    if (woken > 0) logger.info({ connections: woken }, "woke the drain of waiting webhook deliveries");
  };
  await boss.work(WEBHOOK_QUEUES.sweep.name, sweep);
  startSweepTimer(boss, sweep);
}

/**
 * pg-boss schedules run at most once a minute; a lost wake-up should cost seconds, so every
 * worker process also sweeps on a timer of its own (one indexed query), until its boss stops.
 */
function startSweepTimer(boss: PgBoss, sweep: () => Promise<void>): void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await sweep();
    } catch (error) {
      logger.warn({ err: error }, "webhook sweep failed; retrying on the next tick");
    } finally {
      running = false;
    }
  }, SWEEP_INTERVAL_MS);
  timer.unref();
  boss.once("stopped", () => clearInterval(timer));
}
