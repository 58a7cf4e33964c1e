import "server-only";
import { and, count, eq, gt, inArray } from "drizzle-orm";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { promotionRequests } from "@/lib/db/schema";

/** Pending, unexpired promotion requests the actor can see; the sidebar's approvals badge. */
export async function countPendingPromotions(ctx: ServiceContext): Promise<number> {
  assertCan(ctx.actor, "promotions:read");
  const ids = ctx.actor.projectIds;
  const [row] = await ctx.db
    .select({ n: count() })
    .from(promotionRequests)
    .where(
      and(
        eq(promotionRequests.status, "pending"),
        gt(promotionRequests.expiresAt, nowOf(ctx)),
        ids ? inArray(promotionRequests.projectId, [...ids]) : undefined,
      ),
    );
  return row?.n ?? 0;
}
