import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { isAppError } from "@/lib/api/errors";
import type { Executor } from "@/lib/db/client";
import { alertRules, retrainTriggers } from "@/lib/db/schema";
import { startProviderRun } from "@/lib/providers/start-run";

export type DispatchOutcome = "dispatched" | "failed" | "skipped";

/**
 * Starts the retraining run of a trigger that claimRetrain wrote, after that transaction
 * committed. Claims the trigger first (an empty external ref and no error, bumped
 * updated_at), so a second caller skips it. The rule's own `inputs` are passed and nothing
 * else: GitHub refuses a workflow_dispatch with inputs the workflow does not declare. The
 * run is linked back through the run id in `external_ref` (linkRetrainTriggers).
 */
export async function dispatchRetrain(
  db: Executor,
  triggerId: string,
  now = new Date(),
): Promise<DispatchOutcome> {
  const [claimed] = await db
    .update(retrainTriggers)
    .set({ updatedAt: now })
    .where(
      and(
        eq(retrainTriggers.id, triggerId),
        eq(retrainTriggers.status, "dispatched"),
        sql`${retrainTriggers.externalRef} = '{}'::jsonb`,
        sql`${retrainTriggers.error} is null`,
        sql`${retrainTriggers.updatedAt} = ${retrainTriggers.createdAt}`,
      ),
    )
    .returning({ ruleId: retrainTriggers.ruleId });
  if (!claimed) return "skipped";
  const [rule] = await db
    .select({ retrain: alertRules.retrain })
    .from(alertRules)
    .where(eq(alertRules.id, claimed.ruleId));
  try {
    if (!rule?.retrain) throw new Error("The rule no longer has a retrain action.");
    const { cooldownMinutes: _c, autoPromoteEnvironmentId: _a, ...target } = rule.retrain;
    const started = await startProviderRun(db, target, {});
    await db
      .update(retrainTriggers)
      .set({
        externalRef: { ...started.externalRef, ...(started.url ? { url: started.url } : {}) },
        updatedAt: new Date(),
      })
      .where(eq(retrainTriggers.id, triggerId));
    return "dispatched";
  } catch (error) {
    const message = isAppError(error) || error instanceof Error ? error.message : String(error);
    await db
      .update(retrainTriggers)
      .set({ status: "failed", error: message.slice(0, 1000), updatedAt: new Date() })
      .where(eq(retrainTriggers.id, triggerId));
    return "failed";
  }
}
