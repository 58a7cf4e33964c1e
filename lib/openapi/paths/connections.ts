import { z } from "zod";
import { createConnectionInput, listDeliveriesQuery, updateConnectionBody } from "@/lib/connections/schemas";
import { body, errors, idParameter, json, pageOf } from "../components";
import { jsonSchema, queryParameters } from "../json-schema";
import {
  connectionDetailOutput,
  connectionHealthOutput,
  connectionOutput,
  deliveryOutput,
  probeResultOutput,
} from "../output-schemas";

const tags = ["Connections"];

const at = z.iso.datetime();
const syncOutput = z.object({
  states: z.array(
    z.object({
      scope: z.string().describe("What is pulled, e.g. `runs:acme/api` or `deployments:acme/api`."),
      status: z.enum(["idle", "running", "failed"]),
      itemsDone: z.number().int(),
      itemsTotal: z.number().int().nullable().describe("Null while the provider has not said."),
      startedAt: at.nullable(),
      finishedAt: at.nullable(),
      lastSuccessAt: at.nullable(),
      error: z.string().nullable(),
    }),
  ),
  running: z.boolean(),
  lastSyncAt: at.nullable(),
  rateLimit: z
    .object({ limit: z.number().int(), remaining: z.number().int(), resetAt: at.nullable() })
    .nullable()
    .describe("The provider's rate-limit headroom as of the latest call."),
});
const id = [idParameter("id", "The connection id.")];
const out = (schema: z.ZodType) => jsonSchema(schema, "output");

/** CI provider connections (admins): tokens and webhook secrets are write-only. */
export const connectionPaths = {
  "/connections": {
    get: {
      tags,
      operationId: "listConnections",
      summary: "List connections (never their secrets)",
      "x-permission": "connections:read",
      responses: {
        "200": json("Every connection", out(z.object({ items: z.array(connectionOutput) }))),
        ...errors(401, 403),
      },
    },
    post: {
      tags,
      operationId: "createConnection",
      summary: "Add a GitHub, GitLab or Azure DevOps connection",
      description:
        "The token is stored encrypted and never returned. A webhook secret is generated and returned in this answer only.",
      "x-permission": "connections:write",
      requestBody: body(jsonSchema(createConnectionInput)),
      responses: {
        "201": json("Created", out(z.object({ connection: connectionOutput, webhookSecret: z.string() }))),
        ...errors(400, 401, 403, 415),
      },
    },
  },
  "/connections/{id}": {
    get: {
      tags,
      operationId: "getConnection",
      summary: "One connection with its webhook URL",
      "x-permission": "connections:read",
      parameters: id,
      responses: {
        "200": json("The connection", out(z.object({ connection: connectionDetailOutput }))),
        ...errors(401, 403, 404),
      },
    },
    patch: {
      tags,
      operationId: "updateConnection",
      summary: "Change a connection; an omitted or blank token keeps the stored one",
      "x-permission": "connections:write",
      parameters: id,
      requestBody: body(jsonSchema(updateConnectionBody)),
      responses: {
        "200": json("Updated", out(z.object({ connection: connectionOutput }))),
        ...errors(400, 401, 403, 404, 415),
      },
    },
    delete: {
      tags,
      operationId: "deleteConnection",
      summary: "Delete a connection and its delivery log (runs stay)",
      "x-permission": "connections:write",
      parameters: id,
      responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404) },
    },
  },
  "/connections/{id}/test": {
    post: {
      tags,
      operationId: "testConnection",
      summary: "Call the provider with the stored token and report what was found",
      "x-permission": "connections:write",
      parameters: id,
      responses: {
        "200": json("The provider's answer", out(z.object({ result: probeResultOutput }))),
        ...errors(400, 401, 403, 404),
      },
    },
  },
  "/connections/{id}/health": {
    get: {
      tags,
      operationId: "getConnectionHealth",
      summary: "Last delivery, last sync, last error and 24 hours of deliveries by outcome",
      "x-permission": "connections:read",
      parameters: id,
      responses: {
        "200": json("Health", out(z.object({ health: connectionHealthOutput }))),
        ...errors(401, 403, 404),
      },
    },
  },
  "/connections/{id}/sync": {
    get: {
      tags,
      operationId: "getConnectionSync",
      summary: "Sync progress per scope, last sync, errors and rate-limit headroom",
      "x-permission": "connections:read",
      parameters: id,
      responses: {
        "200": json("Sync status", out(z.object({ sync: syncOutput }))),
        ...errors(400, 401, 403, 404),
      },
    },
    post: {
      tags,
      operationId: "syncConnection",
      summary: "Sync now: queue a backfill / incremental pull of runs, jobs and deployments",
      description:
        "At most one sync per connection runs and one waits; pressing again adds nothing. `queued` is false when no job queue took the request (the scheduled poll syncs instead).",
      "x-permission": "connections:write",
      parameters: id,
      responses: {
        "202": json("Queued", out(z.object({ sync: syncOutput.extend({ queued: z.boolean() }) }))),
        ...errors(400, 401, 403, 404),
      },
    },
  },
  "/connections/{id}/deliveries": {
    get: {
      tags,
      operationId: "listDeliveries",
      summary: "The webhook delivery log, newest first (never bodies)",
      "x-permission": "connections:read",
      parameters: [...id, ...queryParameters(listDeliveriesQuery)],
      responses: {
        "200": json("A page of deliveries", pageOf(out(deliveryOutput))),
        ...errors(400, 401, 403, 404),
      },
    },
  },
  "/connections/{id}/rotate-webhook-secret": {
    post: {
      tags,
      operationId: "rotateWebhookSecret",
      summary: "Replace the webhook secret; the new one is returned this once",
      "x-permission": "connections:write",
      parameters: id,
      responses: {
        "200": json("The new secret", out(z.object({ webhookSecret: z.string() }))),
        ...errors(401, 403, 404),
      },
    },
  },
};
