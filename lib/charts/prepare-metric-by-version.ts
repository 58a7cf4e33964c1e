import { formatMetricValue } from "./prepare-metric-sparkline";

export type VersionMetrics = { version: number; metrics: Record<string, unknown> };

export type MetricByVersionPoint = {
  version: number;
  /** The x-axis tick, e.g. "v3". */
  label: string;
  /** null where the version did not log the metric (or logged something that is not a number): a gap. */
  value: number | null;
};

export type PreparedMetricByVersion = {
  metric: string;
  direction: "higher" | "lower";
  /** Oldest version first. */
  points: MetricByVersionPoint[];
  /** The best logged value; on a tie, the earliest version that reached it. */
  best: { version: number; value: number };
  latest: { version: number; value: number };
  logged: number;
  /** What a screen reader hears instead of the chart. */
  summary: string;
};

/** A metric's value in a version's free-form metrics, or null when absent or not a finite number. */
export function metricValue(metrics: Record<string, unknown>, key: string): number | null {
  const value = metrics[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/**
 * Shapes one metric across a model's versions for a line chart: oldest first, a version
 * without the metric is a gap (null), never zero, and the best value follows the metric's
 * direction. Returns null when there is nothing to draw.
 */
export function prepareMetricByVersion(
  versions: VersionMetrics[],
  metric: string | null,
  direction: "higher" | "lower",
): PreparedMetricByVersion | null {
  if (!metric) return null;
  const points = [...versions]
    .sort((a, b) => a.version - b.version)
    .map((v) => ({ version: v.version, label: `v${v.version}`, value: metricValue(v.metrics, metric) }));
  const logged = points.filter((p): p is MetricByVersionPoint & { value: number } => p.value !== null);
  const latest = logged.at(-1);
  if (!latest) return null;
  const better = (a: number, b: number) => (direction === "higher" ? a > b : a < b);
  const best = logged.reduce((top, p) => (better(p.value, top.value) ? p : top));
  const gaps = points.length - logged.length;
  const summary = [
    `${metric} across ${points.length} ${points.length === 1 ? "version" : "versions"}`,
    gaps > 0 ? ` (${gaps} without it)` : "",
    `: best ${formatMetricValue(best.value)} (v${best.version}),`,
    ` latest ${formatMetricValue(latest.value)} (v${latest.version}), ${direction} is better`,
  ].join("");
  return {
    metric,
    direction,
    points,
    best: { version: best.version, value: best.value },
    latest: { version: latest.version, value: latest.value },
    logged: logged.length,
    summary,
  };
}

/** Metric names where smaller is better: losses, errors, distances, latencies, costs. */
const LOWER_IS_BETTER =
  /(loss|err|error|rmse|mse|mae|mape|wer|cer|perplexity|latency|duration|time|_ms$|_s$|cost|drift)/i;

/**
 * Which way is better for a metric: the model's own setting for its primary metric, else a
 * guess from the name (loss, error, latency… lower; everything else higher).
 */
export function metricDirection(
  metric: string,
  model: { primaryMetric: string | null; primaryMetricDirection: "higher" | "lower" },
): "higher" | "lower" {
  if (metric === model.primaryMetric) return model.primaryMetricDirection;
  return LOWER_IS_BETTER.test(metric) ? "lower" : "higher";
}
