import { z } from "zod";
import { listAuditEventsInput } from "@/lib/audit/list-audit-events";
import { body, errors, idParameter, json } from "@/lib/openapi/components";
import { jsonSchema, queryParameters } from "@/lib/openapi/json-schema";
import { addCommentInput } from "./add-comment";
import { policyFields } from "./update-policy";

/**
 * Gate administration in the OpenAPI document: policy edits, comments on requests and the
 * audit CSV export. Spread beside `promotionPaths` in buildOpenApiDocument.
 */

const at = z.iso.datetime();
const out = (schema: z.ZodType) => jsonSchema(schema, "output");

const policy = policyFields.extend({
  id: z.uuid(),
  environmentId: z.uuid(),
  createdAt: at,
  updatedAt: at,
});

const comment = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  userId: z.uuid(),
  body: z.string(),
  createdAt: at,
});

export const gateAdminPaths = {
  "/environments/{id}/policy": {
    put: {
      tags: ["Promotions"],
      operationId: "updateGatePolicy",
      summary: "Replace an environment's gate policy (admins); audited with before and after",
      "x-permission": "gates:write",
      parameters: [idParameter("id", "The environment id (uuid).")],
      requestBody: body(jsonSchema(policyFields)),
      responses: {
        "200": json("The policy now in force", out(z.object({ policy }))),
        ...errors(400, 401, 403, 404, 415),
      },
    },
  },
  "/promotions/{id}/comments": {
    post: {
      tags: ["Promotions"],
      operationId: "commentOnPromotion",
      summary: "Comment on a promotion request; the comment shows on its timeline",
      "x-permission": "promotions:request",
      parameters: [idParameter()],
      requestBody: body(jsonSchema(addCommentInput.omit({ id: true }))),
      responses: {
        "201": json("The comment", out(z.object({ comment }))),
        ...errors(400, 401, 403, 404, 415),
      },
    },
  },
  "/audit/export": {
    get: {
      tags: ["Audit"],
      operationId: "exportAuditEvents",
      summary: "The audit log as CSV (admins), newest first, with the list's filters",
      "x-permission": "audit:read",
      parameters: queryParameters(
        listAuditEventsInput
          .pick({ action: true, actor: true, targetType: true, from: true, to: true })
          .extend({ project: z.string().optional().describe("A project slug.") }),
      ),
      responses: {
        "200": {
          description:
            "CSV with the columns id, time, actor, action, target_type, target_id, project, data (JSON)",
          content: { "text/csv": { schema: { type: "string" } } },
        },
        ...errors(400, 401, 403),
      },
    },
  },
};
