import type { Queue } from "pg-boss";

/** How many times pg-boss retries a normalization that threw before the delivery is marked failed. */
export const NORMALIZE_RETRY_LIMIT = 3;

/**
 * The webhook queues.
 *
 * - `webhooks-drain` normalizes a connection's pending deliveries in arrival order. The
 *   receiving route sends at most one per connection every DRAIN_WAKE_DELAY_MS per process,
 *   after its insert committed; the `stately` policy keeps one queued and one running per
 *   connection, so further sends while one is queued are absorbed and a delivery stored
 *   while a drain runs is picked up by the queued one.
 * - `webhooks-normalize` normalizes one delivery, with retries (`short` policy, one queued
 *   job per delivery): a drain hands over a delivery whose normalization threw, and jobs
 *   enqueued before drains existed still run.
 * - `webhooks-sweep` wakes the drain of connections whose deliveries wait too long (a lost
 *   wake-up); worker processes also run it every few seconds (see register-workers).
 */
export const WEBHOOK_QUEUES = {
  drain: {
    name: "webhooks-drain",
    options: {
      policy: "stately",
      retryLimit: 3,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: 300,
    } satisfies Omit<Queue, "name">,
  },
  normalize: {
    name: "webhooks-normalize",
    options: {
      policy: "short",
      retryLimit: NORMALIZE_RETRY_LIMIT,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: 300,
    } satisfies Omit<Queue, "name">,
  },
  sweep: { name: "webhooks-sweep", cron: "* * * * *" },
} as const;

export type NormalizeJobData = { deliveryId: number };
export type DrainJobData = { connectionId: string };

/** The singleton key of a delivery's normalize job. */
export const normalizeJobKey = (deliveryId: number) => `delivery:${deliveryId}`;

/** The singleton key of a connection's drain job. */
export const drainJobKey = (connectionId: string) => `connection:${connectionId}`;
