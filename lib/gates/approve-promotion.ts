import "server-only";
import { z } from "zod";
import { AppError, parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { approvals } from "@/lib/db/schema";
import { assessPromotion, evaluateFor } from "./assess-promotion";
import type { CheckResult } from "./check-rules";
import { type DeploymentRow, deployPromotion } from "./deploy-promotion";
import type { PromotionEvaluation } from "./eligibility";
import { loadPromotion, type PromotionRow } from "./load-promotion";
import { assertAllowed } from "./refuse";

export const approvePromotionInput = z.object({
  id: z.string().min(1).max(100),
  comment: z.string().trim().max(2000).default(""),
});
export type ApprovePromotionInput = z.input<typeof approvePromotionInput>;

export type DecisionRow = typeof approvals.$inferSelect;
export type ApprovePromotionResult = {
  request: PromotionRow;
  approval: DecisionRow;
  /** The deployment this approval caused, when it completed the quorum and every check passes. */
  deployment: DeploymentRow | null;
  checks: CheckResult[];
  /** Eligibility after the approval: what the request still waits for, if anything. */
  evaluation: PromotionEvaluation;
};

/**
 * Records the actor's approval. When it completes the quorum and every check passes (or
 * the request is an emergency), the request is deployed in the same transaction; when a
 * check fails, the approval stays recorded, the request stays pending, and the result's
 * evaluation says what it waits for.
 */
export async function approvePromotion(
  ctx: ServiceContext,
  rawInput: ApprovePromotionInput,
): Promise<ApprovePromotionResult> {
  assertCan(ctx.actor, "promotions:approve");
  const input = parseInput(approvePromotionInput, rawInput);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadPromotion(tx, ctx.actor, input.id, { lock: true });
    const { candidate, checks, evaluation } = await assessPromotion(tx, ctx.actor, loaded, now);
    assertAllowed(evaluation.canApprove);

    const [approval] = await tx
      .insert(approvals)
      .values({
        requestId: loaded.request.id,
        userId: ctx.actor.userId,
        decision: "approve",
        comment: input.comment,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    // Unreachable while the row lock holds; the unique index is the last line of defence.
    if (!approval) throw new AppError("conflict", "You already decided on this request.");
    await recordAudit(tx, ctx.actor, {
      action: "promotion.approve",
      targetType: "promotion_request",
      targetId: loaded.request.id,
      projectId: loaded.request.projectId,
      data: { comment: input.comment, environment: loaded.environment.slug },
    });

    const decided = [...loaded.approvals, approval];
    const after = evaluateFor(ctx.actor, loaded, checks, now, decided);
    const outcome =
      after.readyToDeploy && candidate
        ? await deployPromotion(tx, ctx.actor, { loaded, candidate, evaluation: after, now })
        : null;
    const request = outcome?.request ?? loaded.request;
    return {
      request,
      approval,
      deployment: outcome?.deployment ?? null,
      checks,
      evaluation: evaluateFor(ctx.actor, { ...loaded, request }, checks, now, decided),
    };
  });
}
