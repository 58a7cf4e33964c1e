import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { AppError, parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { promotionRequests } from "@/lib/db/schema";
import { evaluateFor } from "./assess-promotion";
import { loadPromotion, type PromotionRow } from "./load-promotion";
import { assertAllowed } from "./refuse";

export const cancelPromotionInput = z.object({
  id: z.string().min(1).max(100),
  comment: z.string().trim().max(2000).default(""),
});
export type CancelPromotionInput = z.input<typeof cancelPromotionInput>;

/** Withdraws a pending request; only the person who asked for it or an admin may. */
export async function cancelPromotion(
  ctx: ServiceContext,
  rawInput: CancelPromotionInput,
): Promise<{ request: PromotionRow }> {
  assertCan(ctx.actor, "promotions:request");
  const input = parseInput(cancelPromotionInput, rawInput);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadPromotion(tx, ctx.actor, input.id, { lock: true });
    assertAllowed(evaluateFor(ctx.actor, loaded, [], now).canCancel);
    const [cancelled] = await tx
      .update(promotionRequests)
      .set({ status: "cancelled", decidedAt: now, updatedAt: now })
      .where(and(eq(promotionRequests.id, loaded.request.id), eq(promotionRequests.status, "pending")))
      .returning();
    if (!cancelled) throw new AppError("conflict", "This request is no longer pending.");
    await recordAudit(tx, ctx.actor, {
      action: "promotion.cancel",
      targetType: "promotion_request",
      targetId: cancelled.id,
      projectId: cancelled.projectId,
      data: { environment: loaded.environment.slug, comment: input.comment },
    });
    return { request: cancelled };
  });
}
