import type { SeriesReadingInput } from "./prepare-series";

/**
 * Before / after a deployment: per series the mean and p95 over the `windowMs` before the
 * deployment and the `windowMs` after it, with the change. Pure and unit-tested. Reads fine
 * buckets ([start, min, max, avg, count]): the mean is weighted by count (equal to the mean
 * of the raw points); p95 is over bucket averages, which with buckets of a few seconds is
 * the points' p95 in all but name. A side without points is null, never 0.
 */

export type BeforeAfterStats = { mean: number; p95: number; points: number };

export type BeforeAfterRow = {
  seriesId: string;
  name: string;
  unit: string | null;
  before: BeforeAfterStats | null;
  after: BeforeAfterStats | null;
  /** after.mean - before.mean, and relative to before (null when before's mean is 0). */
  deltaMean: number | null;
  deltaPercent: number | null;
  deltaP95: number | null;
};

export type PreparedBeforeAfter = {
  at: number;
  /** The shaded areas: [before start, at] and [at, after end]. */
  before: [number, number];
  after: [number, number];
  rows: BeforeAfterRow[];
};

type Bucket = SeriesReadingInput["series"][number]["buckets"][number];

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

function stats(buckets: readonly Bucket[]): BeforeAfterStats | null {
  let sum = 0;
  let count = 0;
  for (const [, , , avg, n] of buckets) {
    sum += avg * n;
    count += n;
  }
  if (count === 0) return null;
  const averages = buckets.map((b) => b[3]).sort((a, b) => a - b);
  return { mean: sum / count, p95: percentile(averages, 95), points: count };
}

export function prepareBeforeAfter(
  reading: SeriesReadingInput,
  at: number,
  windowMs: number,
): PreparedBeforeAfter {
  const start = at - windowMs;
  const end = at + windowMs;
  const rows = reading.series.map((s): BeforeAfterRow => {
    // A bucket belongs to the side it starts on; buckets straddling `at` are left out.
    const before = stats(s.buckets.filter((b) => b[0] >= start && b[0] < at));
    const after = stats(s.buckets.filter((b) => b[0] >= at && b[0] < end));
    const deltaMean = before && after ? after.mean - before.mean : null;
    return {
      seriesId: s.id,
      name: s.name,
      unit: s.unit,
      before,
      after,
      deltaMean,
      deltaPercent:
        deltaMean !== null && before && before.mean !== 0 ? deltaMean / Math.abs(before.mean) : null,
      deltaP95: before && after ? after.p95 - before.p95 : null,
    };
  });
  return { at, before: [start, at], after: [at, end], rows };
}
