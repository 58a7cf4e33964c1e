import { formatMetricValue } from "./prepare-metric-sparkline";

/**
 * Shapes downsampled series (GET /api/v1/series/points) and deployment markers for a
 * time-series chart. Pure and unit-tested: every bucket of the range becomes a row, a
 * bucket without points is null so the line breaks (never 0), the min–max band keeps
 * peaks that the average hides, and markers outside the range are dropped.
 */

type Time = string | Date;

/** What the points endpoint returns; each bucket is [start epoch ms, min, max, avg, count]. */
export type SeriesReadingInput = {
  from: Time;
  to: Time;
  origin: Time;
  bucketMs: number;
  series: {
    id: string;
    name: string;
    unit: string | null;
    labels: Record<string, string>;
    buckets: readonly (readonly [number, number, number, number, number])[];
  }[];
};

export type DeploymentMarkerInput = { at: Time; label: string; href: string };

/** An alert rule over one of the series: drawn as a horizontal threshold line. */
export type ThresholdInput = {
  seriesId: string;
  name: string;
  comparator: "gt" | "lt";
  threshold: number;
  state: "pending" | "firing" | null;
};

/** One x position: `y<i>` is series i's average, `band<i>` its [min, max]; null in a gap. */
export type SeriesChartRow = { x: number } & Record<string, number | [number, number] | null>;

export type SeriesChartLine = {
  id: string;
  name: string;
  unit: string | null;
  /** Row keys of the average line and of the min–max band. */
  valueKey: string;
  bandKey: string;
  color: string;
  /** The highest max in range (the peak a hover on the band shows), or null without data. */
  peak: { x: number; value: number } | null;
  gaps: number;
};

export type PreparedSeriesChart = {
  /** The x-axis domain: exactly the requested range. */
  domain: [number, number];
  rows: SeriesChartRow[];
  lines: SeriesChartLine[];
  markers: { x: number; label: string; href: string }[];
  /** Alert thresholds of the drawn series; a firing one is drawn in the destructive colour. */
  thresholds: { y: number; label: string; firing: boolean }[];
  /** What a screen reader hears instead of the chart. */
  summary: string;
};

const ms = (t: Time) => new Date(t).getTime();

/** Palette of the theme's chart colours, reused in order. */
export const SERIES_COLORS = Array.from({ length: 8 }, (_, i) => `var(--chart-${i + 1})`);

export function prepareSeries(
  reading: SeriesReadingInput,
  markers: readonly DeploymentMarkerInput[] = [],
  rules: readonly ThresholdInput[] = [],
): PreparedSeriesChart {
  const from = ms(reading.from);
  const to = ms(reading.to);
  const origin = ms(reading.origin);
  const byStart = reading.series.map((s) => new Map(s.buckets.map((b) => [b[0], b])));

  const rows: SeriesChartRow[] = [];
  // Every bucket of the grid, so an empty one is a row of nulls (a break), not a skipped x.
  for (let start = origin; start < to && reading.bucketMs > 0; start += reading.bucketMs) {
    // The first bucket may start before `from` (rollup grid); its points do not, so plot it there.
    const row: SeriesChartRow = { x: Math.max(start, from) };
    byStart.forEach((buckets, i) => {
      const bucket = buckets.get(start);
      row[`y${i}`] = bucket ? bucket[3] : null;
      row[`band${i}`] = bucket ? [bucket[1], bucket[2]] : null;
    });
    rows.push(row);
  }

  const lines = reading.series.map((s, i): SeriesChartLine => {
    let peak: SeriesChartLine["peak"] = null;
    for (const [start, , max] of s.buckets) {
      if (!peak || max > peak.value) peak = { x: Math.max(start, from), value: max };
    }
    return {
      id: s.id,
      name: s.name,
      unit: s.unit,
      valueKey: `y${i}`,
      bandKey: `band${i}`,
      color: SERIES_COLORS[i % SERIES_COLORS.length]!,
      peak,
      gaps: rows.filter((r) => r[`y${i}`] === null).length,
    };
  });

  const clipped = markers
    .map((m) => ({ x: ms(m.at), label: m.label, href: m.href }))
    .filter((m) => Number.isFinite(m.x) && m.x >= from && m.x <= to)
    .sort((a, b) => a.x - b.x);

  const drawn = new Set(reading.series.map((s) => s.id));
  const thresholds = rules
    .filter((r) => drawn.has(r.seriesId) && Number.isFinite(r.threshold))
    .map((r) => ({
      y: r.threshold,
      label: `${r.name} (${r.comparator === "gt" ? ">" : "<"} ${formatMetricValue(r.threshold)})${r.state === "firing" ? " firing" : ""}`,
      firing: r.state === "firing",
    }));
  const firing = thresholds.filter((t) => t.firing).length;
  const alerting = firing === 0 ? "" : ` ${firing} ${firing === 1 ? "alert" : "alerts"} firing.`;

  return {
    domain: [from, to],
    rows,
    lines,
    markers: clipped,
    thresholds,
    summary: `${summarize(lines, rows.length, clipped.length)}${alerting}`,
  };
}

function summarize(lines: SeriesChartLine[], buckets: number, markers: number): string {
  const parts = lines.map((line) => {
    const unit = line.unit ? ` ${line.unit}` : "";
    if (!line.peak) return `${line.name}: no data in range`;
    const peak = `peak ${formatMetricValue(line.peak.value)}${unit} at ${new Date(line.peak.x).toISOString()}`;
    const gaps = line.gaps > 0 ? `, ${line.gaps} of ${buckets} intervals without data` : "";
    return `${line.name}: ${peak}${gaps}`;
  });
  const deployments =
    markers === 0 ? "" : `; ${markers} ${markers === 1 ? "deployment" : "deployments"} marked`;
  return `${parts.join("; ")}${deployments}.`;
}
