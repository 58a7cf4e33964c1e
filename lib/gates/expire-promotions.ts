import "server-only";
import { and, eq, lte } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { promotionRequests } from "@/lib/db/schema";

/**
 * Moves pending promotion requests past their expiry to `expired`, exactly once each:
 * the status condition in the UPDATE makes concurrent runs on several workers harmless.
 */
export async function expirePromotions(ctx: ServiceContext): Promise<{ expired: number }> {
  assertCan(ctx.actor, "promotions:approve");
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const expired = await tx
      .update(promotionRequests)
      .set({ status: "expired", decidedAt: now, updatedAt: now })
      .where(and(eq(promotionRequests.status, "pending"), lte(promotionRequests.expiresAt, now)))
      .returning({ id: promotionRequests.id, projectId: promotionRequests.projectId });
    for (const request of expired) {
      await recordAudit(tx, ctx.actor, {
        action: "promotion.expire",
        targetType: "promotion_request",
        targetId: request.id,
        projectId: request.projectId,
      });
    }
    return { expired: expired.length };
  });
}
