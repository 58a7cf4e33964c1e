import type { Queue } from "pg-boss";

/** How many times pg-boss retries a normalization that threw before the delivery is marked failed. */
export const NORMALIZE_RETRY_LIMIT = 3;

/**
 * The webhook queues. `webhooks-normalize` uses the `short` policy with one singleton key per
 * delivery, so a delivery never waits in the queue twice (the sweeper and a replay may both
 * send it). `webhooks-sweep` re-sends deliveries still pending after a minute.
 */
export const WEBHOOK_QUEUES = {
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

/** The singleton key of a delivery's normalize job. */
export const normalizeJobKey = (deliveryId: number) => `delivery:${deliveryId}`;
