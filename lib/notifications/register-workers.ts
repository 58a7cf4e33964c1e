import "server-only";
import type { PgBoss } from "pg-boss";
import type { Database } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { deliverNotification } from "./deliver-notification";
import { sendNotificationJob } from "./enqueue-notification";
import { NOTIFICATION_QUEUES, type SendNotificationJobData } from "./queue-names";
import { sweepPendingNotifications } from "./sweep-pending";

/** Creates the notification queues and the sweeper's schedule; idempotent. */
export async function declareNotificationQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(NOTIFICATION_QUEUES.send.name, NOTIFICATION_QUEUES.send.options);
  await boss.createQueue(NOTIFICATION_QUEUES.sweep.name);
  await boss.schedule(NOTIFICATION_QUEUES.sweep.name, NOTIFICATION_QUEUES.sweep.cron);
}

/** Starts the senders and the sweeper in this process. */
export async function registerNotificationWorkers(boss: PgBoss, db: Database): Promise<void> {
  await boss.work<SendNotificationJobData>(
    NOTIFICATION_QUEUES.send.name,
    { localConcurrency: 4 },
    async (jobs) => {
      for (const job of jobs) {
        const outcome = await deliverNotification(db, job.data.deliveryId);
        // Throwing hands the back-off to pg-boss (retryDelay doubling per attempt).
        if (outcome === "retry") throw new Error(`notification ${job.data.deliveryId} not delivered yet`);
      }
    },
  );
  await boss.work(NOTIFICATION_QUEUES.sweep.name, async () => {
    const sent = await sweepPendingNotifications(db, (id) => sendNotificationJob(boss, null, id));
    if (sent > 0) logger.info({ sent }, "re-queued pending notification deliveries");
  });
}
