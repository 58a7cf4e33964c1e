import { z } from "zod";
import { NOTIFICATION_EVENTS } from "./events";

const url = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .describe("Where Tandem POSTs the signed JSON (http or https).");
const events = z
  .array(z.enum(NOTIFICATION_EVENTS))
  .max(NOTIFICATION_EVENTS.length)
  .describe("Events to send; empty means every event.");

export const createEndpointInput = z.object({
  name: z.string().trim().min(1).max(100),
  url,
  events: events.default([]),
  enabled: z.boolean().default(true),
});
export type CreateEndpointInput = z.input<typeof createEndpointInput>;

export const updateEndpointBody = z
  .object({ name: z.string().trim().min(1).max(100), url, events, enabled: z.boolean() })
  .partial();
export const updateEndpointInput = updateEndpointBody.extend({ id: z.uuid() });
export type UpdateEndpointInput = z.input<typeof updateEndpointInput>;

export const listNotificationDeliveriesInput = z.object({
  id: z.uuid(),
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, "The cursor is not valid; start again from the first page.")
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListNotificationDeliveriesInput = z.input<typeof listNotificationDeliveriesInput>;
