/**
 * Shapes a candidate model version's metrics against the version running in the target
 * environment for a grouped bar chart and a delta table. Pure and unit-tested: missing
 * metrics are gaps (null), never zeros; "better" and "worse" follow each metric's direction.
 */

export type MetricDirection = "higher" | "lower";
export type MetricVerdict = "better" | "worse" | "same" | "unknown";

export type MetricCompareRow = {
  metric: string;
  candidate: number | null;
  current: number | null;
  /** candidate − current; null when either side is missing. */
  delta: number | null;
  /** delta / |current|; null when either side is missing or current is 0. */
  relativeDelta: number | null;
  direction: MetricDirection;
  verdict: MetricVerdict;
  /** Theme colour of the candidate's bar: green when better, red when worse. */
  candidateFill: string;
};

/**
 * Metrics are drawn in groups sharing one y axis: everything between 0 and 1 (AUC, recall,
 * accuracy) together, and each other metric (latency in ms, counts) on its own axis, so a
 * 120 ms latency does not flatten a 0.95 AUC to nothing.
 */
export type MetricCompareGroup = { key: string; title: string; rows: MetricCompareRow[] };

export type MetricCompare = { rows: MetricCompareRow[]; groups: MetricCompareGroup[]; summary: string };

export const COMPARE_FILLS = {
  current: "var(--muted-foreground)",
  better: "var(--success)",
  worse: "var(--destructive)",
  neutral: "var(--chart-1)",
} as const;

const LOWER_IS_BETTER =
  /(loss|error|err_|_err|latency|_ms$|_ms_|mae|mse|rmse|perplexity|duration|drift|fpr|false_pos)/i;

/** Which way is better when nobody said: losses, errors and latencies go down; the rest up. */
export function guessDirection(metric: string): MetricDirection {
  return LOWER_IS_BETTER.test(metric) ? "lower" : "higher";
}

/** Closer than this relative to the larger value counts as "same" (float noise, rounding). */
const SAME_EPSILON = 1e-9;

function verdictOf(
  candidate: number | null,
  current: number | null,
  direction: MetricDirection,
): MetricVerdict {
  if (candidate === null || current === null) return "unknown";
  const scale = Math.max(Math.abs(candidate), Math.abs(current), 1);
  if (Math.abs(candidate - current) <= SAME_EPSILON * scale) return "same";
  const higher = candidate > current;
  return higher === (direction === "higher") ? "better" : "worse";
}

const isUnit = (v: number | null) => v === null || (v >= 0 && v <= 1);

/**
 * @param directions known directions (policy thresholds, the model's primary metric); others are guessed.
 * @param first metrics to list first (the primary metric, thresholded ones), in order.
 */
export function prepareMetricCompare(
  candidate: Record<string, number>,
  current: Record<string, number> | null,
  directions: Record<string, MetricDirection> = {},
  first: string[] = [],
): MetricCompare {
  const keys = new Set([...Object.keys(candidate), ...Object.keys(current ?? {})]);
  const ordered = [
    ...first.filter((k, i) => keys.has(k) && first.indexOf(k) === i),
    ...[...keys].filter((k) => !first.includes(k)).sort(),
  ];
  const rows = ordered.map((metric): MetricCompareRow => {
    const mine = typeof candidate[metric] === "number" ? candidate[metric] : null;
    const theirs = current && typeof current[metric] === "number" ? current[metric] : null;
    const direction = directions[metric] ?? guessDirection(metric);
    const delta = mine !== null && theirs !== null ? mine - theirs : null;
    const verdict = verdictOf(mine, theirs, direction);
    return {
      metric,
      candidate: mine,
      current: theirs,
      delta,
      relativeDelta: delta !== null && theirs !== 0 && theirs !== null ? delta / Math.abs(theirs) : null,
      direction,
      verdict,
      candidateFill:
        verdict === "better"
          ? COMPARE_FILLS.better
          : verdict === "worse"
            ? COMPARE_FILLS.worse
            : COMPARE_FILLS.neutral,
    };
  });
  const unit = rows.filter((r) => isUnit(r.candidate) && isUnit(r.current));
  const groups: MetricCompareGroup[] = [];
  if (unit.length > 0) groups.push({ key: "unit", title: "Scores (0–1)", rows: unit });
  for (const row of rows.filter((r) => !unit.includes(r))) {
    groups.push({ key: row.metric, title: row.metric, rows: [row] });
  }
  const better = rows.filter((r) => r.verdict === "better").length;
  const worse = rows.filter((r) => r.verdict === "worse").length;
  const count = `${rows.length} metric${rows.length === 1 ? "" : "s"}`;
  const summary = current
    ? `${count} compared: ${better} better, ${worse} worse, ${rows.length - better - worse} unchanged or missing on one side.`
    : `${count}; nothing runs in this environment to compare against.`;
  return { rows, groups, summary };
}
