import "server-only";
import { inArray } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { modelMetricLines } from "@/lib/db/schema";

/** Points sent per line at most: a chart cannot show more on a 1,000-pixel-wide plot anyway. */
export const MAX_POINTS_PER_LINE = 1_000;

/** One history point: [step, value, epoch ms]. */
export type HistoryTuple = [step: number, value: number, ts: number];
export type HistoryPoint = { step: number; value: number; ts: number };

export type HistoryLine = {
  versionId: string;
  key: string;
  /** Points stored for this line. */
  total: number;
  /** Sorted by step, at most MAX_POINTS_PER_LINE. */
  points: HistoryTuple[];
};

const POINT_BYTES = 24;

/** model_metric_lines.points: big-endian float64 triples, as Postgres' float8send writes them. */
export function unpackPoints(bytes: Uint8Array): HistoryTuple[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const points = new Array<HistoryTuple>(Math.floor(bytes.byteLength / POINT_BYTES));
  for (let i = 0, at = 0; i < points.length; i++, at += POINT_BYTES) {
    points[i] = [view.getFloat64(at), view.getFloat64(at + 8), view.getFloat64(at + 16)];
  }
  return points;
}

export const toHistoryPoint = ([step, value, ts]: HistoryTuple): HistoryPoint => ({ step, value, ts });

/**
 * Metric history of some versions, at most 1,000 points per line with peaks kept. The
 * downsampling happens when history is written: triggers keep model_metric_lines exact
 * (drizzle/0003 explains the buckets), so a read is one small row per line however long
 * the training ran. Points stay tuples: for 10 compared lines of 1,000 points, an object
 * per point cost more than the query.
 */
export async function readHistoryLines(db: Executor, versionIds: string[]): Promise<HistoryLine[]> {
  if (versionIds.length === 0) return [];
  const rows = await db
    .select({
      versionId: modelMetricLines.versionId,
      key: modelMetricLines.key,
      total: modelMetricLines.total,
      points: modelMetricLines.points,
    })
    .from(modelMetricLines)
    .where(inArray(modelMetricLines.versionId, versionIds))
    .orderBy(modelMetricLines.versionId, modelMetricLines.key);
  return rows.map((row) => ({ ...row, points: unpackPoints(row.points) }));
}
