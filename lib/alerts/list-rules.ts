import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { alertRules, metricSeries } from "@/lib/db/schema";
import { withinActorScope } from "@/lib/projects/within-actor-scope";
import { type AlertRuleSummary, ruleSummaryColumns } from "./rule-summary";
import { type ListRulesInput, listRulesInput } from "./schemas";

/** Alert rules by name, in the projects the actor may see. Needs monitoring:read. */
export async function listRules(
  ctx: ServiceContext,
  rawInput: ListRulesInput = {},
): Promise<AlertRuleSummary[]> {
  assertCan(ctx.actor, "monitoring:read");
  const input = parseInput(listRulesInput, rawInput);
  const projectIds = withinActorScope(ctx.actor, input.projectIds);
  if (projectIds?.length === 0) return [];
  return ctx.db
    .select(ruleSummaryColumns)
    .from(alertRules)
    .innerJoin(metricSeries, eq(metricSeries.id, alertRules.seriesId))
    .where(
      and(
        projectIds ? inArray(alertRules.projectId, projectIds) : undefined,
        input.seriesId ? eq(alertRules.seriesId, input.seriesId) : undefined,
      ),
    )
    .orderBy(asc(alertRules.name), asc(alertRules.id))
    .limit(1000);
}
