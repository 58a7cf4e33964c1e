import "server-only";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/api/errors";
import { type Actor, assertProjectVisible } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { alertRules, metricSeries, type RetrainAction } from "@/lib/db/schema";

/** An alert rule as the API and UI see it, with the series it watches. */
export type AlertRuleSummary = {
  id: string;
  projectId: string;
  seriesId: string;
  seriesKey: string;
  seriesName: string;
  name: string;
  comparator: "gt" | "lt";
  threshold: number;
  windowSeconds: number;
  forSeconds: number;
  severity: "info" | "warning" | "critical";
  enabled: boolean;
  retrain: RetrainAction | null;
  lastEvaluatedAt: Date | null;
  createdAt: Date;
};

export const ruleSummaryColumns = {
  id: alertRules.id,
  projectId: alertRules.projectId,
  seriesId: alertRules.seriesId,
  seriesKey: metricSeries.key,
  seriesName: metricSeries.name,
  name: alertRules.name,
  comparator: alertRules.comparator,
  threshold: alertRules.threshold,
  windowSeconds: alertRules.windowSeconds,
  forSeconds: alertRules.forSeconds,
  severity: alertRules.severity,
  enabled: alertRules.enabled,
  retrain: alertRules.retrain,
  lastEvaluatedAt: alertRules.lastEvaluatedAt,
  createdAt: alertRules.createdAt,
};

/** One rule the actor may see, or 404. */
export async function loadRule(db: Executor, actor: Actor, id: string): Promise<AlertRuleSummary> {
  const [row] = await db
    .select(ruleSummaryColumns)
    .from(alertRules)
    .innerJoin(metricSeries, eq(metricSeries.id, alertRules.seriesId))
    .where(eq(alertRules.id, id));
  if (!row) throw new AppError("not_found", "Alert rule not found.");
  assertProjectVisible(actor, row.projectId);
  return row;
}
