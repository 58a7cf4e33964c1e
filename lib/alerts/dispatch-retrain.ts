import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { isAppError } from "@/lib/api/errors";
import type { Executor } from "@/lib/db/client";
import { alertRules, retrainTriggers } from "@/lib/db/schema";
import { startProviderRun } from "@/lib/providers/start-run";

export type DispatchOutcome = "dispatched" | "failed" | "skipped";

/**
 * How long a dispatch holds its trigger: well past the provider clients' timeout, so a
 * lease still held means a call in flight, and an expired one means the process died.
 */
export const DISPATCH_LEASE_MS = 5 * 60_000;

/**
 * Starts the retraining run of a trigger that claimRetrain wrote, after that transaction
 * committed; also how redispatchStuckRetrains re-sends one. The caller first takes a lease
 * with one atomic UPDATE (still dispatched, empty external ref, no error, and never leased
 * — updated_at equal to created_at — or its lease expired), so of several instances exactly
 * one proceeds. The provider call runs outside any transaction: it may take seconds, and a
 * transaction held that long would pin a pool connection (and, on the embedded database,
 * its only one). A process that dies mid-call leaves the lease to expire, and the trigger
 * is picked again. The rule's own `inputs` are passed and nothing else: GitHub refuses a
 * workflow_dispatch with inputs the workflow does not declare. The run is linked back
 * through the run id in `external_ref` (linkRetrainTriggers).
 */
export async function dispatchRetrain(
  db: Executor,
  triggerId: string,
  now: Date = new Date(),
): Promise<DispatchOutcome> {
  const t = retrainTriggers;
  const [claimed] = await db
    .update(t)
    // Strictly after created_at marks the lease as taken, even when both use the same `now`.
    .set({
      updatedAt: sql`greatest(${now.toISOString()}::timestamptz, ${t.createdAt} + interval '1 millisecond')`,
    })
    .where(
      and(
        eq(t.id, triggerId),
        eq(t.status, "dispatched"),
        sql`${t.externalRef} = '{}'::jsonb`,
        isNull(t.error),
        or(eq(t.updatedAt, t.createdAt), lt(t.updatedAt, new Date(now.getTime() - DISPATCH_LEASE_MS))),
      ),
    )
    .returning({ ruleId: t.ruleId });
  if (!claimed) return "skipped";
  const [rule] = await db
    .select({ retrain: alertRules.retrain })
    .from(alertRules)
    .where(eq(alertRules.id, claimed.ruleId));
  const pending = and(eq(t.id, triggerId), sql`${t.externalRef} = '{}'::jsonb`);
  try {
    if (!rule?.retrain) throw new Error("The rule no longer has a retrain action.");
    const { cooldownMinutes: _c, autoPromoteEnvironmentId: _a, ...target } = rule.retrain;
    const started = await startProviderRun(db, target, {});
    await db
      .update(t)
      .set({
        externalRef: { ...started.externalRef, ...(started.url ? { url: started.url } : {}) },
        updatedAt: new Date(),
      })
      .where(pending);
    return "dispatched";
  } catch (error) {
    const message = isAppError(error) || error instanceof Error ? error.message : String(error);
    await db
      .update(t)
      .set({ status: "failed", error: message.slice(0, 1000), updatedAt: new Date() })
      .where(pending);
    return "failed";
  }
}
