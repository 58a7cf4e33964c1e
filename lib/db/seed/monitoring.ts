import { seriesKey } from "@/lib/monitoring/series-key";
import type { ModelPlan } from "./models";
import { type MonitoringStory, monitoringSeries, type RuleSpec } from "./monitoring-series";
import type { AlertRow, AlertRuleRow, MetricPointRow, MetricSeriesRow, PlanContext } from "./plan-types";
import type { CatalogPlan } from "./projects";
import { round } from "./random";
import { DAY, MINUTE, MONITORING_DAYS, SECOND } from "./time";

const STEP = 10 * MINUTE;

export type MonitoringPlan = {
  series: MetricSeriesRow[];
  points: MetricPointRow[];
  rules: AlertRuleRow[];
  alerts: AlertRow[];
};

/**
 * Thirty days of production health at ten-minute resolution, the alert rules watching it,
 * and the alerts those rules would have raised, found by scanning the same points.
 */
export function planMonitoring(
  ctx: PlanContext,
  catalog: CatalogPlan,
  models: ModelPlan[],
  story: MonitoringStory,
): MonitoringPlan {
  const random = ctx.random.fork("monitoring");
  const plan: MonitoringPlan = { series: [], points: [], rules: [], alerts: [] };
  const last = Math.floor(ctx.now / STEP) * STEP;
  const first = last - MONITORING_DAYS * DAY + STEP;
  for (const spec of monitoringSeries(story)) {
    const project = catalog.projects[spec.project];
    const model = models.find((m) => m.spec.name === spec.model);
    const series: MetricSeriesRow = {
      id: random.uuid(),
      key: seriesKey(spec.name, spec.labels),
      name: spec.name,
      kind: spec.kind,
      unit: spec.unit,
      labels: spec.labels,
      projectId: project.row.id,
      environmentId: project.environments.production.id,
      modelVersionId: model ? model.versions[model.championIndex]!.row.id : null,
      createdAt: new Date(first - DAY),
    };
    plan.series.push(series);
    const points: MetricPointRow[] = [];
    for (let t = first; t <= last; t += STEP) {
      points.push({
        seriesId: series.id,
        ts: new Date(t),
        value: round(spec.value(t, random), spec.decimals),
      });
    }
    plan.points.push(...points);
    for (const ruleSpec of spec.rules) {
      const rule: AlertRuleRow = {
        id: random.uuid(),
        projectId: series.projectId,
        seriesId: series.id,
        name: ruleSpec.name,
        comparator: ruleSpec.comparator,
        threshold: ruleSpec.threshold,
        windowSeconds: 300,
        forSeconds: ruleSpec.forSeconds,
        severity: ruleSpec.severity,
        createdAt: new Date(first - DAY),
      };
      plan.rules.push(rule);
      plan.alerts.push(...alertsFor(rule, ruleSpec, series, points, () => random.uuid()));
    }
  }
  return plan;
}

/**
 * Replays a rule over its points: a breach that lasts `forSeconds` fires; it resolves at
 * the first point back within the threshold, or is still firing at the last point.
 */
function alertsFor(
  rule: AlertRuleRow,
  spec: RuleSpec,
  series: MetricSeriesRow,
  points: MetricPointRow[],
  newId: () => string,
): AlertRow[] {
  const breaches = (value: number) =>
    spec.comparator === "gt" ? value > spec.threshold : value < spec.threshold;
  const alerts: AlertRow[] = [];
  let runStart: number | null = null;
  let worst = 0;
  const close = (endIndex: number | null) => {
    if (runStart === null) return;
    const startedAt = points[runStart]!.ts.getTime();
    const lastBreach = points[(endIndex ?? points.length) - 1]!.ts.getTime();
    const firedAt = startedAt + spec.forSeconds * SECOND;
    if (lastBreach >= firedAt) {
      const resolvedAt = endIndex === null ? null : points[endIndex]!.ts;
      const current = points[points.length - 1]!.value;
      alerts.push({
        id: newId(),
        ruleId: rule.id,
        projectId: rule.projectId,
        environmentId: series.environmentId,
        state: resolvedAt ? "resolved" : "firing",
        value: resolvedAt ? worst : current,
        details: {
          seriesKey: series.key,
          comparator: spec.comparator,
          threshold: spec.threshold,
          peak: worst,
          rule: rule.name,
        },
        startedAt: new Date(startedAt),
        firedAt: new Date(firedAt),
        resolvedAt,
      });
    }
    runStart = null;
  };
  for (const [index, point] of points.entries()) {
    if (breaches(point.value)) {
      if (runStart === null) {
        runStart = index;
        worst = point.value;
      }
      worst = spec.comparator === "gt" ? Math.max(worst, point.value) : Math.min(worst, point.value);
    } else close(index);
  }
  close(null);
  return alerts;
}
