import "server-only";
import { and, eq, lte } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { promotionRequests } from "@/lib/db/schema";
import { notifyPromotion } from "@/lib/notifications/notify-promotion";
import { enqueueGateAnswer } from "./enqueue-gate-jobs";

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
      .returning({
        id: promotionRequests.id,
        projectId: promotionRequests.projectId,
        environmentId: promotionRequests.environmentId,
        externalGate: promotionRequests.externalGate,
      });
    for (const request of expired) {
      await recordAudit(tx, ctx.actor, {
        action: "promotion.expire",
        targetType: "promotion_request",
        targetId: request.id,
        projectId: request.projectId,
      });
      await notifyPromotion(tx, "promotion.expired", { ...request, status: "expired" });
      // A provider pipeline waiting on this gate hears "rejected" after commit.
      if (request.externalGate) await enqueueGateAnswer(tx, request.id);
    }
    return { expired: expired.length };
  });
}
