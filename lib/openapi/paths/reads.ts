import { z } from "zod";
import { listAuditEventsInput } from "@/lib/audit/list-audit-events";
import { listDeploymentsInput } from "@/lib/deployments/list-deployments";
import { listPromotionRequestsInput } from "@/lib/gates/list-promotion-requests";
import { listModelsInput } from "@/lib/models/list-models";
import { listAlertsInput } from "@/lib/monitoring/list-alerts";
import { TIME_RANGE_OPTIONS } from "@/lib/utils/time-range";
import { errors, json, pageOf } from "../components";
import { type JsonSchema, queryParameters } from "../json-schema";

/** `?project=` and `?range=`, which every dashboard read understands. */
const scope = z.object({
  project: z.string().optional().describe("A project slug; omitted: every project the caller may see."),
  range: z
    .enum(TIME_RANGE_OPTIONS.map((o) => o.key) as [string, ...string[]])
    .optional()
    .describe("Time window; unknown values fall back to 7d."),
});
const anyObject: JsonSchema = { type: "object", additionalProperties: true };

function read(
  operationId: string,
  tag: string,
  summary: string,
  permission: string,
  parameters: z.ZodObject,
  paged = true,
) {
  return {
    get: {
      tags: [tag],
      operationId,
      summary,
      "x-permission": permission,
      parameters: queryParameters(parameters),
      responses: {
        "200": json(paged ? "A page of items" : "The widget's data", paged ? pageOf(anyObject) : anyObject),
        ...errors(400, 401, 403, 404),
      },
    },
  };
}

const list = <T extends z.ZodObject>(schema: T, keys: string[]) =>
  schema.pick(Object.fromEntries(keys.map((k) => [k, true])) as never).extend(scope.shape);

/** Dashboard reads: the overview widgets and the area lists, all scoped by project and range. */
export const readPaths = {
  "/overview/health": read(
    "getOverviewHealth",
    "Overview",
    "Health cards: success rates, failures, pending approvals",
    "overview:read",
    scope,
    false,
  ),
  "/overview/run-activity": read(
    "getRunActivity",
    "Overview",
    "Runs per time bucket by status",
    "runs:read",
    scope,
    false,
  ),
  "/overview/deployments": read(
    "getDeploymentMatrix",
    "Overview",
    "What is deployed where",
    "deployments:read",
    scope,
    false,
  ),
  "/overview/activity": read(
    "listActivity",
    "Overview",
    "Recent activity feed",
    "overview:read",
    scope,
    false,
  ),
  "/deployments": read(
    "listDeployments",
    "Deployments",
    "Deployment history, newest first",
    "deployments:read",
    list(listDeploymentsInput, ["environment", "status", "cursor", "limit"]),
  ),
  "/models": read(
    "listModels",
    "Models",
    "Registered models with version counts and champion",
    "models:read",
    list(listModelsInput, ["cursor", "limit"]),
  ),
  "/promotions": read(
    "listPromotions",
    "Promotions",
    "Promotion requests (default: pending)",
    "promotions:read",
    list(listPromotionRequestsInput, ["status", "cursor", "limit"]),
  ),
  "/alerts": read(
    "listAlerts",
    "Monitoring",
    "Alerts, firing first; resolved ones within the range",
    "monitoring:read",
    list(listAlertsInput, ["state", "severity", "cursor", "limit"]),
  ),
  "/audit-events": read(
    "listAuditEvents",
    "Audit",
    "The audit log, newest first (admins)",
    "audit:read",
    list(listAuditEventsInput, ["action", "actor", "targetType", "from", "to", "cursor", "limit"]),
  ),
};
