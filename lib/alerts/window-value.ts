import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";

/** Series whose latest point is the value to judge, not the window's mean: drift scores. */
export function usesLatestValue(seriesName: string): boolean {
  return seriesName.startsWith("drift_");
}

/**
 * The value a rule judges: the mean of the series' points in (now - window, now], or for
 * drift scores (one point per report, already an aggregate of a whole window of data) the
 * latest point in that window. Null when the window holds no point: a gap, not a zero.
 * The mean smooths single spikes, which "for N seconds" would otherwise fire on.
 */
export async function windowValue(
  db: Executor,
  input: { seriesId: string; seriesName: string; windowSeconds: number; now: Date },
): Promise<number | null> {
  const from = new Date(input.now.getTime() - input.windowSeconds * 1000);
  const inWindow = sql`series_id = ${input.seriesId} and ts > ${from.toISOString()}::timestamptz and ts <= ${input.now.toISOString()}::timestamptz`;
  const result = usesLatestValue(input.seriesName)
    ? await db.execute<{ value: number | null }>(
        sql`select value from metric_points where ${inWindow} order by ts desc limit 1`,
      )
    : await db.execute<{ value: number | null }>(
        sql`select avg(value) as value from metric_points where ${inWindow}`,
      );
  const value = result.rows[0]?.value;
  return value === null || value === undefined ? null : Number(value);
}
