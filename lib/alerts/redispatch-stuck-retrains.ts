import "server-only";
import { and, asc, eq, gte, isNull, lt, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { retrainTriggers } from "@/lib/db/schema";
import { logger } from "@/lib/log";
import { DISPATCH_LEASE_MS, dispatchRetrain } from "./dispatch-retrain";

/**
 * A trigger still without an external ref this long after it was written, or after its
 * last dispatch took it, lost that dispatch (the process died before or during the
 * provider call).
 */
export const STUCK_AFTER_MS = DISPATCH_LEASE_MS;
/** Older than this the alert behind a trigger is stale: a retrain a day late helps nobody. */
const GIVE_UP_AFTER_MS = 24 * 3600_000;
const BATCH = 50;

/**
 * Re-sends the dispatch of retrain triggers that never reached the provider, once a minute
 * with the evaluation job. dispatchRetrain takes each one's lease atomically, so a dispatch
 * still in flight elsewhere is skipped, not sent twice, and a trigger that has its external
 * ref or an error is never sent again. Returns how many were dispatched.
 */
export async function redispatchStuckRetrains(db: Executor, now: Date = new Date()): Promise<number> {
  const stuck = await db
    .select({ id: retrainTriggers.id })
    .from(retrainTriggers)
    .where(
      and(
        eq(retrainTriggers.status, "dispatched"),
        sql`${retrainTriggers.externalRef} = '{}'::jsonb`,
        isNull(retrainTriggers.error),
        lt(retrainTriggers.updatedAt, new Date(now.getTime() - STUCK_AFTER_MS)),
        gte(retrainTriggers.createdAt, new Date(now.getTime() - GIVE_UP_AFTER_MS)),
      ),
    )
    .orderBy(asc(retrainTriggers.createdAt))
    .limit(BATCH);
  let dispatched = 0;
  for (const { id } of stuck) {
    const outcome = await dispatchRetrain(db, id, now);
    if (outcome !== "skipped") logger.warn({ triggerId: id, outcome }, "re-sent a stuck retrain dispatch");
    if (outcome === "dispatched") dispatched++;
  }
  return dispatched;
}
