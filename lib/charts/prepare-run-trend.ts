export type RunTrendInput = {
  bucketStart: string;
  succeeded: number;
  failed: number;
  other: number;
  p50Seconds: number | null;
  p95Seconds: number | null;
};

export type RunTrendPoint = {
  bucketStart: string;
  label: string;
  total: number;
  /** Succeeded out of finished (succeeded + failed); null when nothing finished (a gap, not 0 %). */
  successRate: number | null;
  /** Duration percentiles in seconds; null when nothing finished (the line breaks there). */
  p50Seconds: number | null;
  p95Seconds: number | null;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function label(date: Date, bucket: "hour" | "day"): string {
  const iso = date.toISOString();
  return bucket === "hour" ? `${iso.slice(11, 13)}:00` : `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;
}

/**
 * One point per bucket from `from` to `to` for a pipeline's duration trend and success
 * rate. Buckets without runs are filled: their count is a real 0, but their rate and
 * durations are unknown (null), so charts show a gap instead of a drop to zero.
 */
export function prepareRunTrend(
  buckets: RunTrendInput[],
  bucket: "hour" | "day",
  from: Date,
  to: Date,
): RunTrendPoint[] {
  const step = bucket === "hour" ? HOUR : DAY;
  const byStart = new Map(buckets.map((b) => [Date.parse(b.bucketStart), b]));
  const points: RunTrendPoint[] = [];
  for (let t = Math.floor(from.getTime() / step) * step; t <= to.getTime(); t += step) {
    const found = byStart.get(t);
    const finished = (found?.succeeded ?? 0) + (found?.failed ?? 0);
    points.push({
      bucketStart: new Date(t).toISOString(),
      label: label(new Date(t), bucket),
      total: finished + (found?.other ?? 0),
      successRate: finished === 0 ? null : found!.succeeded / finished,
      p50Seconds: found?.p50Seconds ?? null,
      p95Seconds: found?.p95Seconds ?? null,
    });
  }
  return points;
}

/** Success rate and median duration over the whole range (what the page's headline shows). */
export function summarizeRunTrend(buckets: RunTrendInput[]): { runs: number; successRate: number | null } {
  const succeeded = buckets.reduce((n, b) => n + b.succeeded, 0);
  const failed = buckets.reduce((n, b) => n + b.failed, 0);
  const other = buckets.reduce((n, b) => n + b.other, 0);
  return {
    runs: succeeded + failed + other,
    successRate: succeeded + failed === 0 ? null : succeeded / (succeeded + failed),
  };
}
