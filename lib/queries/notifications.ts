import type { NotificationDeliveryItem } from "@/lib/notifications/list-deliveries";
import type { EndpointSummary } from "@/lib/notifications/summary";
import type { Jsonify } from "./fetch-json";
import { queryKeys } from "./keys";
import { pagedQueryOptions } from "./paged";

export { NOTIFICATION_EVENTS, type NotificationEvent } from "@/lib/notifications/events";

export type NotificationEndpointDto = Jsonify<EndpointSummary>;
export type NotificationDeliveryDto = Jsonify<NotificationDeliveryItem>;
export type NotificationDeliveryPageDto = { items: NotificationDeliveryDto[]; nextCursor: string | null };

/** Deliveries and their retries happen in the background, so an open log refreshes gently. */
export const NOTIFICATION_REFRESH_MS = 10_000;

export const notificationQueries = {
  /** An endpoint's delivery log, newest first; refreshes while only the newest page is loaded. */
  deliveries: (endpointId: string) =>
    pagedQueryOptions<NotificationDeliveryPageDto>(
      queryKeys.notifications.deliveries(endpointId),
      `/api/v1/notification-endpoints/${endpointId}/deliveries`,
      {},
      { refetchInterval: (data) => ((data?.pages.length ?? 1) === 1 ? NOTIFICATION_REFRESH_MS : false) },
    ),
};
