import { z } from "zod";
import { promotionStatusEnum } from "@/lib/db/schema/enums";
import { body, errors, idParameter, json } from "@/lib/openapi/components";
import { jsonSchema } from "@/lib/openapi/json-schema";
import { readPaths } from "@/lib/openapi/paths/reads";
import { approvePromotionInput } from "./approve-promotion";
import { cancelPromotionInput } from "./cancel-promotion";
import { rejectPromotionInput } from "./reject-promotion";
import { requestPromotionInput } from "./request-promotion";

/**
 * The promotion gate's part of the OpenAPI document, written beside the verbs whose
 * schemas it reuses. Meant for lib/openapi: spread `promotionPaths` after `readPaths` in
 * buildOpenApiDocument (its `/promotions` item keeps the documented GET and adds POST).
 */

const at = z.iso.datetime();

const promotionRequest = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  environmentId: z.uuid(),
  releaseId: z.uuid().nullable(),
  modelVersionId: z.uuid().nullable(),
  requestedByUserId: z.uuid(),
  reason: z.string(),
  status: z.enum(promotionStatusEnum.enumValues),
  emergency: z.boolean(),
  deploymentId: z.uuid().nullable(),
  expiresAt: at,
  decidedAt: at.nullable(),
  createdAt: at,
  updatedAt: at,
});

const decision = z.object({
  allowed: z.boolean(),
  reasons: z.array(z.string()).describe("Why not, in words; empty when allowed."),
  refusal: z.enum(["forbidden", "conflict"]).nullable().describe("How the server would answer: 403 or 409."),
});

const evaluation = z
  .object({
    state: z.enum([
      "waiting_for_approvals",
      "waiting_for_checks",
      "blocked_by_checks",
      "ready",
      "expired",
      "closed",
    ]),
    summary: z.string(),
    waitingFor: z.array(z.string()),
    blockedBy: z.array(z.string()),
    approvalsNeeded: z.number().int(),
    approvalsGiven: z.number().int(),
    quorumMet: z.boolean(),
    checksPassed: z.boolean(),
    checksBypassed: z.array(z.string()).describe("Checks an emergency request skips."),
    readyToDeploy: z.boolean(),
    canApprove: decision,
    canReject: decision,
    canCancel: decision,
  })
  .describe("The eligibility function's answer for the caller.");

const check = z.object({
  key: z.string(),
  kind: z.enum(["metric", "alerts", "ci", "wait", "window", "expiry", "subject"]),
  label: z.string(),
  status: z.enum(["passed", "failed", "pending"]),
  detail: z.string(),
});

const decisionRow = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  userId: z.uuid(),
  decision: z.enum(["approve", "reject"]),
  comment: z.string(),
  createdAt: at,
});

const deployment = z
  .object({ id: z.uuid(), status: z.string(), promotionRequestId: z.uuid(), startedAt: at })
  .loose();

const out = (schema: z.ZodType) => jsonSchema(schema, "output");
const idOnly = <T extends z.ZodObject>(schema: T) => jsonSchema(schema.omit({ id: true }));
const tags = ["Promotions"];

function decide(
  operationId: string,
  summary: string,
  permission: string,
  requestBody: object,
  response: z.ZodType,
) {
  return {
    post: {
      tags,
      operationId,
      summary,
      "x-permission": permission,
      parameters: [idParameter()],
      requestBody,
      responses: { "200": json("Done", out(response)), ...errors(400, 401, 403, 404, 409, 415) },
    },
  };
}

export const promotionPaths = {
  "/promotions": {
    ...readPaths["/promotions"],
    post: {
      tags,
      operationId: "requestPromotion",
      summary: "Ask for a release or model version to be promoted to the next environment",
      "x-permission": "promotions:request",
      requestBody: body(jsonSchema(requestPromotionInput)),
      responses: {
        "201": json("The new request", out(z.object({ request: promotionRequest }))),
        ...errors(400, 401, 403, 404, 409, 415),
      },
    },
  },
  "/promotions/{id}": {
    get: {
      tags,
      operationId: "getPromotion",
      summary: "One request with its evidence, checks, approvals, timeline and the caller's eligibility",
      "x-permission": "promotions:read",
      parameters: [idParameter()],
      responses: {
        "200": json(
          "The request page's data",
          out(
            z
              .object({ request: promotionRequest, checks: z.array(check), evaluation, evidenceAsOf: at })
              .loose(),
          ),
        ),
        ...errors(401, 403, 404),
      },
    },
  },
  "/promotions/{id}/approve": decide(
    "approvePromotion",
    "Approve (optional comment); deploys when this completes the quorum and every check passes",
    "promotions:approve",
    { required: false, content: { "application/json": { schema: idOnly(approvePromotionInput) } } },
    z.object({
      request: promotionRequest,
      approval: decisionRow,
      deployment: deployment.nullable(),
      checks: z.array(check),
      evaluation,
    }),
  ),
  "/promotions/{id}/reject": decide(
    "rejectPromotion",
    "Reject with a comment; ends the request unless the policy says otherwise",
    "promotions:approve",
    body(idOnly(rejectPromotionInput)),
    z.object({ request: promotionRequest, rejection: decisionRow, ended: z.boolean() }),
  ),
  "/promotions/{id}/cancel": decide(
    "cancelPromotion",
    "Withdraw a pending request (its requester or an admin)",
    "promotions:request",
    { required: false, content: { "application/json": { schema: idOnly(cancelPromotionInput) } } },
    z.object({ request: promotionRequest }),
  ),
  "/promotions/{id}/deploy": decide(
    "deployPromotion",
    "Deploy an approved request whose checks now pass (after a wait timer or deploy window)",
    "promotions:approve",
    { required: false, content: {} },
    z.object({ request: promotionRequest, deployment, aliasMoves: z.array(z.object({}).loose()) }),
  ),
};
