import { z } from "zod";
import { body, errors, idParameter, json } from "@/lib/openapi/components";
import { jsonSchema, queryParameters } from "@/lib/openapi/json-schema";
import { NOTIFICATION_EVENTS } from "./events";
import { createEndpointInput, listNotificationDeliveriesInput, updateEndpointBody } from "./schemas";

/** Outgoing notification webhooks' part of the OpenAPI document (spread into buildOpenApiDocument). */

const tags = ["Notifications"];
const out = (schema: z.ZodType) => jsonSchema(schema, "output");
const at = z.iso.datetime();
const id = [idParameter("id", "The notification endpoint id.")];

const endpoint = z.object({
  id: z.uuid(),
  name: z.string(),
  url: z.string(),
  events: z.array(z.enum(NOTIFICATION_EVENTS)).describe("Empty: every event."),
  enabled: z.boolean(),
  createdAt: at,
  updatedAt: at,
});
const delivery = z.object({
  id: z.number().int().describe("Also the body's `id` and the X-Tandem-Delivery header."),
  event: z.string(),
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  error: z.string().nullable(),
  createdAt: at,
  deliveredAt: at.nullable(),
});

const DESCRIPTION = `Tandem POSTs \`{ event, id, occurredAt, data }\` as JSON with headers \`X-Tandem-Event\`, \`X-Tandem-Delivery\` (the delivery id; the same on every retry, so receivers can deduplicate) and \`X-Tandem-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the endpoint's secret>\`. Any 2xx within 10 s is a delivery; anything else is retried with exponential back-off, 8 attempts in all. Events: ${NOTIFICATION_EVENTS.map((e) => `\`${e}\``).join(", ")}.`;

export const notificationPaths = {
  "/notification-endpoints": {
    get: {
      tags,
      operationId: "listNotificationEndpoints",
      summary: "List outgoing notification webhooks (never their secrets)",
      "x-permission": "connections:read",
      responses: {
        "200": json("Every endpoint", out(z.object({ items: z.array(endpoint) }))),
        ...errors(401, 403),
      },
    },
    post: {
      tags,
      operationId: "createNotificationEndpoint",
      summary: "Add an outgoing notification webhook",
      description: `${DESCRIPTION} The signing secret is generated and returned in this answer only.`,
      "x-permission": "connections:write",
      requestBody: body(jsonSchema(createEndpointInput)),
      responses: {
        "201": json("Created", out(z.object({ endpoint, secret: z.string() }))),
        ...errors(400, 401, 403, 415),
      },
    },
  },
  "/notification-endpoints/{id}": {
    patch: {
      tags,
      operationId: "updateNotificationEndpoint",
      summary: "Change an endpoint's name, URL, events or enabled flag",
      "x-permission": "connections:write",
      parameters: id,
      requestBody: body(jsonSchema(updateEndpointBody)),
      responses: { "200": json("Changed", out(z.object({ endpoint }))), ...errors(400, 401, 403, 404, 415) },
    },
    delete: {
      tags,
      operationId: "deleteNotificationEndpoint",
      summary: "Delete an endpoint and its delivery log",
      "x-permission": "connections:write",
      parameters: id,
      responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404) },
    },
  },
  "/notification-endpoints/{id}/deliveries": {
    get: {
      tags,
      operationId: "listNotificationDeliveries",
      summary: "An endpoint's delivery log, newest first",
      "x-permission": "connections:read",
      parameters: [...id, ...queryParameters(listNotificationDeliveriesInput.omit({ id: true }))],
      responses: {
        "200": json(
          "A page of deliveries",
          out(z.object({ items: z.array(delivery), nextCursor: z.string().nullable() })),
        ),
        ...errors(400, 401, 403, 404),
      },
    },
  },
};
