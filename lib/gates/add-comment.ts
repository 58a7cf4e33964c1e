import "server-only";
import { z } from "zod";
import { parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { promotionComments } from "@/lib/db/schema";
import { loadPromotion } from "./load-promotion";

export const addCommentInput = z.object({
  id: z.string().min(1).max(100),
  body: z.string().trim().min(1, "Write a comment first.").max(4000),
});
export type AddCommentInput = z.input<typeof addCommentInput>;
export type PromotionComment = typeof promotionComments.$inferSelect;

/**
 * Adds a comment to a promotion request, whatever its state (people discuss a decided one
 * too). Anyone who may ask for promotions may comment; viewers only read. The audit event
 * carries the text, so the request's timeline shows it.
 */
export async function addComment(
  ctx: ServiceContext,
  rawInput: AddCommentInput,
): Promise<{ comment: PromotionComment }> {
  assertCan(ctx.actor, "promotions:request");
  const input = parseInput(addCommentInput, rawInput);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const { request } = await loadPromotion(tx, ctx.actor, input.id, { lock: false });
    const [comment] = await tx
      .insert(promotionComments)
      .values({ requestId: request.id, userId: ctx.actor.userId, body: input.body, createdAt: now })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "promotion.comment",
      targetType: "promotion_request",
      targetId: request.id,
      projectId: request.projectId,
      data: { commentId: comment!.id, comment: input.body },
    });
    return { comment: comment! };
  });
}
