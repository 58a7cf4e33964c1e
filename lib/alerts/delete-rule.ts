import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { alertRules } from "@/lib/db/schema";
import { loadRule } from "./rule-summary";

const deleteRuleInput = z.object({ id: z.uuid() });

/** Deletes a rule with its alerts and retrain triggers. Needs monitoring:write. */
export async function deleteRule(ctx: ServiceContext, rawInput: { id: string }): Promise<void> {
  assertCan(ctx.actor, "monitoring:write");
  const { id } = parseInput(deleteRuleInput, rawInput);
  await ctx.db.transaction(async (tx) => {
    const rule = await loadRule(tx, ctx.actor, id);
    await tx.delete(alertRules).where(eq(alertRules.id, id));
    await recordAudit(tx, ctx.actor, {
      action: "alert_rule.delete",
      targetType: "alert_rule",
      targetId: id,
      projectId: rule.projectId,
      data: {
        name: rule.name,
        series: rule.seriesKey,
        comparator: rule.comparator,
        threshold: rule.threshold,
      },
    });
  });
}
