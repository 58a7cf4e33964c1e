import "server-only";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { isAppError } from "@/lib/api/errors";
import { systemActor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { approvals, promotionRequests } from "@/lib/db/schema";
import { logger } from "@/lib/log";
import { advancePromotion } from "./advance-promotion";

export const GATE_CHECKS_JOB = "gate-checks";
const BATCH = 200;

/**
 * The gate-checks job's main step: every pending, unexpired request that has approvals in
 * but waits for a check, its wait timer or its deploy window is pushed on with the system
 * actor as soon as it is ready (advancePromotion re-checks everything under the row lock,
 * so this never deploys what a person could not have). Requests still not ready are left
 * as they are. Returns how many deployed.
 */
export async function advanceWaitingPromotions(db: Executor, now: Date = new Date()): Promise<number> {
  const waiting = await db
    .select({ id: promotionRequests.id })
    .from(promotionRequests)
    .where(
      and(
        eq(promotionRequests.status, "pending"),
        gt(promotionRequests.expiresAt, now),
        inArray(
          promotionRequests.id,
          db
            .select({ id: approvals.requestId })
            .from(approvals)
            .where(eq(approvals.decision, "approve"))
            .groupBy(approvals.requestId)
            .having(sql`count(*) > 0`),
        ),
      ),
    )
    .limit(BATCH);
  let advanced = 0;
  const ctx = { db, actor: systemActor(GATE_CHECKS_JOB), now };
  for (const { id } of waiting) {
    try {
      await advancePromotion(ctx, { id });
      advanced += 1;
    } catch (error) {
      // Not ready yet (a conflict naming what it waits for) is the usual answer.
      if (!isAppError(error)) logger.error({ err: error, requestId: id }, "gate check failed");
    }
  }
  return advanced;
}
