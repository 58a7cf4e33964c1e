import "server-only";
import { eq } from "drizzle-orm";
import { parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { alertRules } from "@/lib/db/schema";
import { checkRetrain } from "./check-retrain";
import { type AlertRuleSummary, loadRule } from "./rule-summary";
import { type UpdateRuleInput, updateRuleInput } from "./schemas";

/**
 * Changes a rule. Needs monitoring:write. Takes the rule's row lock, so it never interleaves
 * with an evaluation of the same rule; an open alert is judged by the new settings next time.
 */
export async function updateRule(ctx: ServiceContext, rawInput: UpdateRuleInput): Promise<AlertRuleSummary> {
  assertCan(ctx.actor, "monitoring:write");
  const { id, ...changes } = parseInput(updateRuleInput, rawInput);
  return ctx.db.transaction(async (tx) => {
    const before = await loadRule(tx, ctx.actor, id);
    await tx.select({ id: alertRules.id }).from(alertRules).where(eq(alertRules.id, id)).for("update");
    if (changes.retrain !== undefined) await checkRetrain(tx, before.projectId, changes.retrain);
    await tx.update(alertRules).set(changes).where(eq(alertRules.id, id));
    const after = await loadRule(tx, ctx.actor, id);
    const changed = Object.fromEntries(
      Object.keys(changes).map((k) => [
        k,
        { from: before[k as keyof AlertRuleSummary], to: after[k as keyof AlertRuleSummary] },
      ]),
    );
    await recordAudit(tx, ctx.actor, {
      action: "alert_rule.update",
      targetType: "alert_rule",
      targetId: id,
      projectId: before.projectId,
      data: { name: after.name, changed },
    });
    return after;
  });
}
