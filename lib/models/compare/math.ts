import { metricDirection } from "@/lib/charts/prepare-metric-by-version";

/**
 * The comparison's arithmetic, free of the database so its edge cases (missing metrics,
 * lower-is-better metrics, ties, a zero baseline) are table-tested.
 */

export type Direction = "higher" | "lower";

export type ComparedVersion = {
  version: number;
  metrics: Record<string, number>;
  params: Record<string, string>;
  tags: Record<string, string>;
};

export type MetricCell = {
  version: number;
  /** Null when this version did not log the metric. */
  value: number | null;
  /** value − baseline; null when either is missing. */
  delta: number | null;
  /** delta / |baseline|; null when either is missing or the baseline is 0. */
  relative: number | null;
  /** Better than the baseline in the metric's direction (null: equal, missing, or the baseline). */
  better: boolean | null;
  /** Holds the best value (every tied version is best). */
  best: boolean;
};

export type MetricComparison = {
  key: string;
  direction: Direction;
  baselineValue: number | null;
  /** The best value among versions that logged it; null when none did. */
  bestValue: number | null;
  cells: MetricCell[];
};

export type DiffRow = {
  key: string;
  /** One per version, in the versions' order; null when the version lacks the key. */
  values: (string | null)[];
  /** Some versions disagree (a missing key differs from any value). */
  differs: boolean;
};

export type ModelDirection = { primaryMetric: string | null; primaryMetricDirection: Direction };

/** Every metric key any version logged, the model's primary metric first, then by name. */
export function metricKeys(versions: ComparedVersion[], primaryMetric: string | null): string[] {
  const keys = new Set(versions.flatMap((v) => Object.keys(v.metrics)));
  return [...keys].sort((a, b) => {
    if (a === primaryMetric) return -1;
    if (b === primaryMetric) return 1;
    return a.localeCompare(b);
  });
}

/** One metric across versions: best marked (ties share it), deltas against the baseline. */
export function compareMetric(
  key: string,
  versions: ComparedVersion[],
  baseline: number,
  direction: Direction,
): MetricComparison {
  const metricOf = (v: ComparedVersion) => (Number.isFinite(v.metrics[key]) ? v.metrics[key]! : null);
  const present = versions.map(metricOf).filter((v): v is number => v !== null);
  const bestValue =
    present.length === 0 ? null : direction === "higher" ? Math.max(...present) : Math.min(...present);
  const base = versions.find((v) => v.version === baseline);
  const baselineValue = base ? metricOf(base) : null;
  const cells = versions.map((v): MetricCell => {
    const value = metricOf(v);
    const delta = value !== null && baselineValue !== null ? value - baselineValue : null;
    const relative = delta !== null && baselineValue !== 0 ? delta / Math.abs(baselineValue!) : null;
    const better =
      delta === null || delta === 0 || v.version === baseline
        ? null
        : direction === "higher"
          ? delta > 0
          : delta < 0;
    return {
      version: v.version,
      value,
      delta,
      relative,
      better,
      best: value !== null && value === bestValue,
    };
  });
  return { key, direction, baselineValue, bestValue, cells };
}

/** All metrics of the selection, each with its direction (the model's for its primary metric). */
export function compareMetrics(
  versions: ComparedVersion[],
  baseline: number,
  model: ModelDirection,
): MetricComparison[] {
  return metricKeys(versions, model.primaryMetric).map((key) =>
    compareMetric(key, versions, baseline, metricDirection(key, model)),
  );
}

/** Params or tags as rows by key (sorted), marking rows where the versions disagree. */
export function diffRecords(records: Record<string, string>[]): DiffRow[] {
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))].sort((a, b) => a.localeCompare(b));
  return keys.map((key) => {
    const values = records.map((r) => (Object.hasOwn(r, key) ? r[key]! : null));
    return { key, values, differs: new Set(values).size > 1 };
  });
}

/**
 * The default baseline: the requested version when it is selected, else the version running
 * in production, else the `champion` alias holder, else the first selected version.
 */
export function pickBaseline(
  selected: number[],
  hints: { requested?: number | null; production?: number | null; champion?: number | null },
): { version: number; reason: "requested" | "production" | "champion" | "first" } {
  const has = (v: number | null | undefined): v is number => v != null && selected.includes(v);
  if (has(hints.requested)) return { version: hints.requested, reason: "requested" };
  if (has(hints.production)) return { version: hints.production, reason: "production" };
  if (has(hints.champion)) return { version: hints.champion, reason: "champion" };
  return { version: selected[0]!, reason: "first" };
}
