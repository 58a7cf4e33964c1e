import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { AppError, parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { approvals, promotionRequests } from "@/lib/db/schema";
import { notifyPromotion } from "@/lib/notifications/notify-promotion";
import type { DecisionRow } from "./approve-promotion";
import { evaluateFor } from "./assess-promotion";
import { DEFAULT_POLICY } from "./eligibility";
import { enqueueGateAnswer } from "./enqueue-gate-jobs";
import { loadPromotion, type PromotionRow } from "./load-promotion";
import { assertAllowed } from "./refuse";

export const rejectPromotionInput = z.object({
  id: z.string().min(1).max(100),
  comment: z.string().trim().min(1, "Say why you reject it; the requester reads this.").max(2000),
});
export type RejectPromotionInput = z.input<typeof rejectPromotionInput>;

export type RejectPromotionResult = { request: PromotionRow; rejection: DecisionRow; ended: boolean };

/**
 * Records the actor's rejection, with the comment the requester will read. When the
 * environment's policy says one rejection ends the request (the default), it moves to
 * `rejected` exactly once; otherwise the rejection stands as a recorded "no" and the
 * request waits for its approvals or its expiry.
 */
export async function rejectPromotion(
  ctx: ServiceContext,
  rawInput: RejectPromotionInput,
): Promise<RejectPromotionResult> {
  assertCan(ctx.actor, "promotions:approve");
  const input = parseInput(rejectPromotionInput, rawInput);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadPromotion(tx, ctx.actor, input.id, { lock: true });
    // Checks do not bear on who may reject, so none are computed.
    assertAllowed(evaluateFor(ctx.actor, loaded, [], now).canReject);

    const [rejection] = await tx
      .insert(approvals)
      .values({
        requestId: loaded.request.id,
        userId: ctx.actor.userId,
        decision: "reject",
        comment: input.comment,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!rejection) throw new AppError("conflict", "You already decided on this request.");

    const ends = (loaded.policy ?? DEFAULT_POLICY).rejectionEndsRequest;
    const [ended] = ends
      ? await tx
          .update(promotionRequests)
          .set({ status: "rejected", decidedAt: now, updatedAt: now })
          .where(and(eq(promotionRequests.id, loaded.request.id), eq(promotionRequests.status, "pending")))
          .returning()
      : [];
    await recordAudit(tx, ctx.actor, {
      action: "promotion.reject",
      targetType: "promotion_request",
      targetId: loaded.request.id,
      projectId: loaded.request.projectId,
      data: { comment: input.comment, environment: loaded.environment.slug, ended: Boolean(ended) },
    });
    if (ended) await notifyPromotion(tx, "promotion.rejected", ended, { comment: input.comment });
    // A provider pipeline waiting on this gate hears "rejected" after commit.
    if (ended?.externalGate) await enqueueGateAnswer(tx, ended.id);
    return { request: ended ?? loaded.request, rejection, ended: Boolean(ended) };
  });
}
