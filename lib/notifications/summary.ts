import { notificationEndpoints } from "@/lib/db/schema";
import type { NotificationEvent } from "./events";

/** An endpoint as the API and UI see it: never its secret. */
export type EndpointSummary = {
  id: string;
  name: string;
  url: string;
  events: NotificationEvent[];
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export const endpointSummaryColumns = {
  id: notificationEndpoints.id,
  name: notificationEndpoints.name,
  url: notificationEndpoints.url,
  events: notificationEndpoints.events,
  enabled: notificationEndpoints.enabled,
  createdAt: notificationEndpoints.createdAt,
  updatedAt: notificationEndpoints.updatedAt,
};

export function toEndpointSummary(
  row: { events: string[] } & Omit<EndpointSummary, "events">,
): EndpointSummary {
  return { ...row, events: row.events as NotificationEvent[] };
}
