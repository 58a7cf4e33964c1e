export type MetricByVersion = { version: number; value: number | null };
export type SparklinePoint = { version: number; value: number | null };
export type PreparedSparkline = {
  points: SparklinePoint[];
  /** What a screen reader hears instead of the line, e.g. "accuracy over 5 versions, from 0.81 (v1) to 0.88 (v5), higher is better". */
  summary: string;
};

/** Three significant digits: enough to see a trend, short enough for a table cell. */
export function formatMetricValue(value: number): string {
  return Number(value.toPrecision(3)).toString();
}

/**
 * Shapes a model's primary metric per version for a sparkline. Versions that did not log
 * the metric stay as gaps (null), never zeros, so the line does not dive. Returns null
 * when there is nothing to draw (no metric chosen, or no version logged it).
 */
export function prepareMetricSparkline(
  metric: string | null,
  direction: "higher" | "lower",
  history: MetricByVersion[],
): PreparedSparkline | null {
  if (!metric) return null;
  const points = [...history].sort((a, b) => a.version - b.version);
  const logged = points.filter((p): p is { version: number; value: number } => p.value !== null);
  const first = logged[0];
  const last = logged.at(-1);
  if (!first || !last) return null;
  const better = `${direction} is better`;
  const summary =
    first === last
      ? `${metric} logged by one version: ${formatMetricValue(first.value)} (v${first.version}), ${better}`
      : `${metric} over ${points.length} versions, from ${formatMetricValue(first.value)} (v${first.version}) to ${formatMetricValue(last.value)} (v${last.version}), ${better}`;
  return { points, summary };
}
