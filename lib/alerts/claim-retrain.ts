import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { type alertRules, retrainTriggers } from "@/lib/db/schema";

/**
 * Writes a retrain trigger for a fired alert unless the rule's last one is younger than its
 * cooldown; runs under the rule's row lock, so two evaluations never both claim one. The
 * trigger starts `dispatched` with an empty external ref; dispatchRetrain fills it after
 * commit (never inside the evaluation's transaction), and redispatchStuckRetrains picks it
 * up again if that dispatch was lost. Returns the trigger id or null.
 */
export async function claimRetrain(
  tx: Executor,
  rule: Pick<typeof alertRules.$inferSelect, "id" | "retrain">,
  alertId: string,
  now: Date,
): Promise<string | null> {
  if (!rule.retrain) return null;
  const [last] = await tx
    .select({ createdAt: retrainTriggers.createdAt })
    .from(retrainTriggers)
    .where(eq(retrainTriggers.ruleId, rule.id))
    .orderBy(desc(retrainTriggers.createdAt))
    .limit(1);
  const cooldownMs = Math.max(0, rule.retrain.cooldownMinutes) * 60_000;
  if (last && now.getTime() - last.createdAt.getTime() < cooldownMs) return null;
  const [trigger] = await tx
    .insert(retrainTriggers)
    .values({
      ruleId: rule.id,
      alertId,
      connectionId: rule.retrain.connectionId,
      status: "dispatched",
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: retrainTriggers.id });
  return trigger!.id;
}
