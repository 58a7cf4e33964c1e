import { z } from "zod";
import { severityEnum } from "@/lib/db/schema/enums";
import { body, errors, idParameter, json, pageOf } from "@/lib/openapi/components";
import { jsonSchema, queryParameters } from "@/lib/openapi/json-schema";
import { createRuleInput, listRuleAlertsInput, retrainActionInput, updateRuleBody } from "./schemas";

/** Alert rules' part of the OpenAPI document (spread into buildOpenApiDocument). */

const tags = ["Alert rules"];
const out = (schema: z.ZodType) => jsonSchema(schema, "output");
const at = z.iso.datetime();
const id = [idParameter("id", "The alert rule id.")];

const rule = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  seriesId: z.uuid(),
  seriesKey: z.string(),
  seriesName: z.string(),
  name: z.string(),
  comparator: z.enum(["gt", "lt"]),
  threshold: z.number(),
  windowSeconds: z.number().int(),
  forSeconds: z.number().int(),
  severity: z.enum(severityEnum.enumValues),
  enabled: z.boolean(),
  retrain: retrainActionInput.nullable(),
  lastEvaluatedAt: at.nullable(),
  createdAt: at,
});
const alert = z.object({
  id: z.uuid(),
  state: z.enum(["pending", "firing", "resolved"]),
  value: z.number().nullable(),
  startedAt: at,
  firedAt: at.nullable(),
  resolvedAt: at.nullable(),
});
const chainLink = z.object({
  triggerId: z.uuid(),
  status: z.enum(["dispatched", "running", "succeeded", "failed"]),
  error: z.string().nullable(),
  externalRef: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .describe("The provider's run id and link."),
  createdAt: at,
  alert: z
    .object({ id: z.uuid(), state: z.string(), value: z.number().nullable(), firedAt: at.nullable() })
    .nullable(),
  run: z
    .object({ id: z.uuid(), status: z.string(), url: z.string().nullable(), startedAt: at.nullable() })
    .nullable(),
  version: z
    .object({ id: z.uuid(), modelId: z.uuid(), modelName: z.string(), version: z.number().int() })
    .nullable(),
  request: z.object({ id: z.uuid(), status: z.string(), environmentId: z.uuid() }).nullable(),
});

const EVALUATION = `Evaluated every minute: the mean of the series' points over the last \`windowSeconds\` (for \`drift_*\` series the latest point) is compared with the threshold; a breach opens a pending alert, which fires once it has held for \`forSeconds\` and resolves when the value is back within the threshold. A window without points changes nothing (a gap is not a recovery). Firing and resolving are audited and sent to notification endpoints (\`alert.firing\`, \`alert.resolved\`). With \`retrain\`, firing starts the retraining run (at most once per \`cooldownMinutes\`); the version it registers can open a promotion request.`;

export const alertRulePaths = {
  "/alert-rules": {
    get: {
      tags,
      operationId: "listAlertRules",
      summary: "List alert rules",
      "x-permission": "monitoring:read",
      parameters: queryParameters(
        z.object({ projectId: z.uuid().optional(), seriesId: z.uuid().optional() }),
      ),
      responses: {
        "200": json("Rules by name", out(z.object({ items: z.array(rule) }))),
        ...errors(400, 401, 403),
      },
    },
    post: {
      tags,
      operationId: "createAlertRule",
      summary: "Add an alert rule on a series (drift scores included)",
      description: EVALUATION,
      "x-permission": "monitoring:write",
      requestBody: body(jsonSchema(createRuleInput)),
      responses: { "201": json("Created", out(z.object({ rule }))), ...errors(400, 401, 403, 404, 415) },
    },
  },
  "/alert-rules/{id}": {
    get: {
      tags,
      operationId: "getAlertRule",
      summary: "One alert rule",
      "x-permission": "monitoring:read",
      parameters: id,
      responses: { "200": json("The rule", out(z.object({ rule }))), ...errors(401, 403, 404) },
    },
    patch: {
      tags,
      operationId: "updateAlertRule",
      summary: "Change an alert rule",
      "x-permission": "monitoring:write",
      parameters: id,
      requestBody: body(jsonSchema(updateRuleBody)),
      responses: { "200": json("Changed", out(z.object({ rule }))), ...errors(400, 401, 403, 404, 415) },
    },
    delete: {
      tags,
      operationId: "deleteAlertRule",
      summary: "Delete an alert rule and its alerts",
      "x-permission": "monitoring:write",
      parameters: id,
      responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404) },
    },
  },
  "/alert-rules/{id}/alerts": {
    get: {
      tags,
      operationId: "listAlertRuleHistory",
      summary: "A rule's alerts over time, newest first",
      "x-permission": "monitoring:read",
      parameters: [...id, ...queryParameters(listRuleAlertsInput.omit({ id: true }))],
      responses: { "200": json("A page of alerts", pageOf(out(alert))), ...errors(400, 401, 403, 404) },
    },
  },
  "/alert-rules/{id}/retrain-chain": {
    get: {
      tags,
      operationId: "getAlertRuleRetrainChain",
      summary: "The feedback loop: alert → retraining run → model version → promotion request",
      "x-permission": "monitoring:read",
      parameters: id,
      responses: {
        "200": json("Newest first", out(z.object({ items: z.array(chainLink) }))),
        ...errors(401, 403, 404),
      },
    },
  },
};
