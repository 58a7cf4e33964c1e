import "server-only";
import { eq } from "drizzle-orm";
import { AppError, parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, assertProjectVisible } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { alertRules, metricSeries } from "@/lib/db/schema";
import { checkRetrain } from "./check-retrain";
import { type AlertRuleSummary, loadRule } from "./rule-summary";
import { type CreateRuleInput, createRuleInput } from "./schemas";

/**
 * Adds an alert rule on a series (drift scores included: series drift_psi, drift_ks,
 * drift_js). Needs monitoring:write; the rule belongs to the series' project. The evaluation
 * job picks it up within a minute.
 */
export async function createRule(ctx: ServiceContext, rawInput: CreateRuleInput): Promise<AlertRuleSummary> {
  assertCan(ctx.actor, "monitoring:write");
  const input = parseInput(createRuleInput, rawInput);
  return ctx.db.transaction(async (tx) => {
    const [series] = await tx
      .select({ projectId: metricSeries.projectId, key: metricSeries.key })
      .from(metricSeries)
      .where(eq(metricSeries.id, input.seriesId));
    if (!series) throw new AppError("not_found", "Series not found.");
    assertProjectVisible(ctx.actor, series.projectId);
    await checkRetrain(tx, series.projectId, input.retrain);
    const [row] = await tx
      .insert(alertRules)
      .values({ ...input, projectId: series.projectId, createdAt: nowOf(ctx) })
      .returning({ id: alertRules.id });
    await recordAudit(tx, ctx.actor, {
      action: "alert_rule.create",
      targetType: "alert_rule",
      targetId: row!.id,
      projectId: series.projectId,
      data: { ...input, series: series.key },
    });
    return loadRule(tx, ctx.actor, row!.id);
  });
}
