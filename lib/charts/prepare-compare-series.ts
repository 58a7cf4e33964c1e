/**
 * Chart data for the compare page: history lines overlaid by step or time, and a parallel-
 * coordinates view of numeric params and metrics. Pure, so the edge cases are unit-tested.
 */

/** One colour per compared version (up to 10), distinguishable and readable on both themes. */
export const VERSION_COLORS = [
  "#2563eb",
  "#dc2626",
  "#16a34a",
  "#9333ea",
  "#ea580c",
  "#0891b2",
  "#ca8a04",
  "#db2777",
  "#4b5563",
  "#65a30d",
] as const;

export const versionColor = (index: number) => VERSION_COLORS[index % VERSION_COLORS.length]!;
export const seriesKey = (version: number) => `v${version}`;

type Line = { version: number; points: { step: number; value: number; ts: number }[] };
export type OverlayRow = { x: number } & Record<string, number | null>;

/**
 * Lines merged into rows by x (step or time): each row holds every version's value at that x,
 * so a tooltip shows all versions at a step. A version without a point there is null (the line
 * connects across it). With `log`, values ≤ 0 are dropped: a log axis cannot place them.
 */
export function prepareHistoryOverlay(
  lines: Line[],
  options: { x: "step" | "time"; log: boolean },
): OverlayRow[] {
  const rows = new Map<number, OverlayRow>();
  for (const line of lines) {
    const key = seriesKey(line.version);
    for (const p of line.points) {
      if (options.log && !(p.value > 0)) continue;
      const x = options.x === "step" ? p.step : p.ts;
      let row = rows.get(x);
      if (!row) {
        row = { x } as OverlayRow;
        for (const l of lines) row[seriesKey(l.version)] = null;
        rows.set(x, row);
      }
      row[key] = p.value;
    }
  }
  return [...rows.values()].sort((a, b) => a.x - b.x);
}

export type ParallelDimension = {
  key: string;
  kind: "param" | "metric";
  min: number;
  max: number;
  /** Axis label: the name with its range, e.g. "lr (0.01–0.2)". */
  label: string;
};
export type ParallelData = {
  dimensions: ParallelDimension[];
  /** One row per dimension; `v{n}` is the version's value scaled to 0..1 (0.5 when all equal). */
  rows: ({ dimension: string } & Record<string, number | null>)[];
};

const short = (n: number) => String(Number(n.toPrecision(3)));

/**
 * Parallel coordinates as a line chart over dimensions: numeric params (every present value
 * parses as a number) and metrics, each scaled to 0..1 across the selected versions.
 * A version lacking a dimension gets null there (a gap in its line).
 */
export function prepareParallel(
  versions: { version: number; params: Record<string, string>; metrics: Record<string, number> }[],
): ParallelData {
  const paramKeys = [...new Set(versions.flatMap((v) => Object.keys(v.params)))].sort();
  const numericParams = paramKeys.filter((k) => {
    const present = versions.map((v) => v.params[k]).filter((x): x is string => x !== undefined);
    return present.length > 0 && present.every((x) => x.trim() !== "" && Number.isFinite(Number(x)));
  });
  const metricKeys = [...new Set(versions.flatMap((v) => Object.keys(v.metrics)))].sort();
  const raw = [
    ...numericParams.map((key) => ({
      key,
      kind: "param" as const,
      values: versions.map((v) => (v.params[key] === undefined ? null : Number(v.params[key]))),
    })),
    ...metricKeys.map((key) => ({
      key,
      kind: "metric" as const,
      values: versions.map((v) => (Number.isFinite(v.metrics[key]) ? v.metrics[key]! : null)),
    })),
  ];
  const dimensions: ParallelDimension[] = [];
  const rows: ParallelData["rows"] = [];
  for (const d of raw) {
    const present = d.values.filter((x): x is number => x !== null);
    const min = Math.min(...present);
    const max = Math.max(...present);
    const label = `${d.key} (${min === max ? short(min) : `${short(min)}–${short(max)}`})`;
    dimensions.push({ key: d.key, kind: d.kind, min, max, label });
    const row = { dimension: label } as ParallelData["rows"][number];
    versions.forEach((v, i) => {
      const x = d.values[i]!;
      row[seriesKey(v.version)] = x === null ? null : max === min ? 0.5 : (x - min) / (max - min);
    });
    rows.push(row);
  }
  return { dimensions, rows };
}
