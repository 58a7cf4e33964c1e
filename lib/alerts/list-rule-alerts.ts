import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { afterCursor, decodeCursor, type Page, toPage } from "@/lib/db/keyset";
import { alerts } from "@/lib/db/schema";
import { loadRule } from "./rule-summary";
import { type ListRuleAlertsInput, listRuleAlertsInput } from "./schemas";

export type RuleAlertItem = {
  id: string;
  state: "pending" | "firing" | "resolved";
  value: number | null;
  startedAt: Date;
  firedAt: Date | null;
  resolvedAt: Date | null;
};

/** A rule's alert history, newest first (by when each started), keyset-paged. Needs monitoring:read. */
export async function listRuleAlerts(
  ctx: ServiceContext,
  rawInput: ListRuleAlertsInput,
): Promise<Page<RuleAlertItem>> {
  assertCan(ctx.actor, "monitoring:read");
  const input = parseInput(listRuleAlertsInput, rawInput);
  await loadRule(ctx.db, ctx.actor, input.id);
  const rows = await ctx.db
    .select({
      id: alerts.id,
      state: alerts.state,
      value: alerts.value,
      startedAt: alerts.startedAt,
      firedAt: alerts.firedAt,
      resolvedAt: alerts.resolvedAt,
    })
    .from(alerts)
    .where(
      and(eq(alerts.ruleId, input.id), afterCursor(alerts.startedAt, alerts.id, decodeCursor(input.cursor))),
    )
    .orderBy(desc(alerts.startedAt), desc(alerts.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (r) => ({ at: r.startedAt, id: r.id }));
}
