import type { Queue } from "pg-boss";

/** Attempts per delivery, first one included; after the last failure the delivery is `failed`. */
export const MAX_DELIVERY_ATTEMPTS = 8;

/**
 * The notification queues. `notifications-send` retries with pg-boss's exponential back-off
 * (10 s, 20 s, 40 s, ... capped at an hour) and keeps one queued job per delivery, so the
 * sweeper and a retry never send it twice at once. `notifications-sweep` re-queues
 * deliveries still pending a minute after they were written (no job queue was running, or
 * the job was lost).
 */
export const NOTIFICATION_QUEUES = {
  send: {
    name: "notifications-send",
    options: {
      policy: "short",
      retryLimit: MAX_DELIVERY_ATTEMPTS - 1,
      retryDelay: 10,
      retryBackoff: true,
      retryDelayMax: 3600,
      expireInSeconds: 120,
    } satisfies Omit<Queue, "name">,
  },
  sweep: { name: "notifications-sweep", cron: "* * * * *" },
} as const;

export type SendNotificationJobData = { deliveryId: number };

export const notificationJobKey = (deliveryId: number) => `notification:${deliveryId}`;
