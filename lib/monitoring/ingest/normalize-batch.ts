import { AppError, parseInput } from "@/lib/api/errors";
import { seriesKey } from "@/lib/monitoring/series-key";
import { INGEST_LIMITS, type MetricBatchInput, metricBatchSchema } from "./batch-schema";

/** One series of a validated batch: points sorted by time, one value per millisecond. */
export type NormalizedSeries = {
  /** Position of the series in the request (its first occurrence), for error messages. */
  index: number;
  key: string;
  name: string;
  labels: Record<string, string>;
  kind: MetricBatchInput["series"][number]["kind"];
  unit: string | null;
  /** Epoch milliseconds, strictly increasing. */
  ts: number[];
  values: number[];
};

export type NormalizedBatch = { series: NormalizedSeries[]; points: number };

// ISO 8601 with a date, a time and an explicit offset: "2026-03-01T12:00:00Z". Date.parse
// alone accepts "March 1" and local times, which would silently shift points.
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

function pointError(series: number, point: number, reason: string): AppError {
  return new AppError("invalid_request", `Series ${series}, point ${point}: ${reason}.`, {
    series,
    point,
    reason,
  });
}

/** Epoch milliseconds of a point's timestamp, or the reason it is not one. */
function timestampOf(raw: unknown): number | string {
  if (typeof raw === "number") {
    return Number.isSafeInteger(raw) ? raw : "a numeric timestamp must be whole epoch milliseconds";
  }
  if (typeof raw === "string") {
    const ms = ISO_TIMESTAMP.test(raw) ? Date.parse(raw) : Number.NaN;
    return Number.isNaN(ms) ? `"${raw.slice(0, 40)}" is not an ISO 8601 timestamp with an offset` : ms;
  }
  return "the timestamp must be an ISO 8601 string or epoch milliseconds";
}

/** Sorts one series' points by time; for a repeated timestamp the later value in the request wins. */
function sortAndDedupe(series: NormalizedSeries): void {
  const { ts, values } = series;
  let sorted = true;
  for (let k = 1; k < ts.length && sorted; k++) sorted = ts[k]! > ts[k - 1]!;
  if (sorted) return;
  // Array.prototype.sort is stable, so equal timestamps keep request order.
  const order = ts.map((_, k) => k).sort((a, b) => ts[a]! - ts[b]!);
  const outTs: number[] = [];
  const outValues: number[] = [];
  for (const k of order) {
    if (outTs.length > 0 && outTs[outTs.length - 1] === ts[k]) outValues[outValues.length - 1] = values[k]!;
    else {
      outTs.push(ts[k]!);
      outValues.push(values[k]!);
    }
  }
  series.ts = outTs;
  series.values = outValues;
}

/**
 * Validates a whole batch before anything is written: the envelope with zod, then every
 * point with a plain loop. The first bad point rejects the batch with a 400 naming its
 * series and point index. Series repeated under the same canonical key are merged.
 */
export function normalizeBatch(raw: unknown, now: Date): NormalizedBatch {
  const input = parseInput(metricBatchSchema, raw, "The metrics batch is not valid.");
  const total = input.series.reduce((sum, s) => sum + s.points.length, 0);
  if (total > INGEST_LIMITS.points) {
    throw new AppError(
      "invalid_request",
      `Send at most ${INGEST_LIMITS.points} points per request; this batch has ${total}.`,
      { points: total, limit: INGEST_LIMITS.points },
    );
  }
  const oldest = now.getTime() - INGEST_LIMITS.maxAgeMs;
  const newest = now.getTime() + INGEST_LIMITS.maxFutureMs;
  const byKey = new Map<string, NormalizedSeries>();
  for (const [i, series] of input.series.entries()) {
    if (series.points.length === 0) {
      throw new AppError("invalid_request", `Series ${i} has no points.`, { series: i, reason: "no points" });
    }
    const key = seriesKey(series.name, series.labels);
    let target = byKey.get(key);
    if (!target) {
      target = {
        index: i,
        key,
        name: series.name,
        labels: series.labels,
        kind: series.kind,
        unit: null,
        ts: [],
        values: [],
      };
      byKey.set(key, target);
    }
    target.kind = series.kind;
    target.unit = series.unit ?? target.unit;
    const { ts, values } = target;
    const points = series.points;
    for (let j = 0; j < points.length; j++) {
      const point = points[j];
      if (!Array.isArray(point) || point.length !== 2)
        throw pointError(i, j, "a point is [timestamp, value]");
      const ms = timestampOf(point[0]);
      if (typeof ms === "string") throw pointError(i, j, ms);
      if (ms < oldest || ms > newest) {
        const seconds = typeof point[0] === "number" && ms * 1000 >= oldest && ms * 1000 <= newest;
        const hint = seconds ? " (it looks like epoch seconds; send milliseconds)" : "";
        throw pointError(
          i,
          j,
          `the timestamp is outside the accepted window of 400 days ago to 1 hour ahead${hint}`,
        );
      }
      const value = point[1];
      if (typeof value !== "number" || !Number.isFinite(value))
        throw pointError(i, j, "the value must be a finite number");
      ts.push(ms);
      values.push(value);
    }
  }
  let points = 0;
  for (const series of byKey.values()) {
    sortAndDedupe(series);
    points += series.ts.length;
  }
  // Sorted by key so concurrent batches insert new series in the same order (no deadlocks).
  const series = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { series, points };
}
