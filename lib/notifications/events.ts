/** Every event Tandem sends to notification endpoints; an endpoint with no events gets them all. */
export const NOTIFICATION_EVENTS = [
  "promotion.requested",
  "promotion.approved",
  "promotion.rejected",
  "promotion.expired",
  "promotion.deployed",
  "promotion.failed",
  "alert.firing",
  "alert.resolved",
] as const;

export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** The JSON body of every delivery; `id` is the delivery id, the same as X-Tandem-Delivery. */
export type NotificationBody = {
  event: NotificationEvent;
  id: string;
  occurredAt: string;
  data: Record<string, unknown>;
};
