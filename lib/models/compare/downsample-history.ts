import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";

/** Points sent per line at most: a chart cannot show more on a 1,000-pixel-wide plot anyway. */
export const MAX_POINTS_PER_LINE = 1_000;
/** Step buckets of a long line; each keeps 4 points (first, last, min, max), so ≤ 1,000. */
const BUCKETS = MAX_POINTS_PER_LINE / 4;

export type HistoryPoint = { step: number; value: number; ts: number };
export type HistoryLine = {
  versionId: string;
  key: string;
  /** Points stored for this line. */
  total: number;
  /** Sorted by step, at most MAX_POINTS_PER_LINE. */
  points: HistoryPoint[];
};

type Triple = [number, number, number];
type Quad = [Triple, Triple, Triple, Triple];
type Row = { version_id: string; key: string; n: number; buckets: string | Quad[] };

/**
 * Metric history of some versions, downsampled in SQL: a line with more than 1,000 points is
 * cut into 250 equal step ranges and each keeps its first, last, lowest and highest point,
 * so a loss spike or the best epoch survives, and the line's first and last points too.
 * min/max over `array[value, step, ms]` picks the extreme value with its step in one pass
 * (arrays compare element by element), without a window function. One row per line with its
 * points as JSON, because parsing many small rows costs Node more than the query costs Postgres.
 */
export async function readDownsampledHistory(db: Executor, versionIds: string[]): Promise<HistoryLine[]> {
  if (versionIds.length === 0) return [];
  const ids = sql.join(
    versionIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const ms = sql`(extract(epoch from h.ts) * 1000)::float8`;
  const result = await db.execute<Row>(sql`
    with s as (
      select version_id, key, min(step) as lo, max(step) as hi, count(*)::int as n
      from model_metric_history
      where version_id in (${ids})
      group by version_id, key
    ), b as (
      select h.version_id, h.key, s.n,
        json_build_array(
          min(array[h.step::float8, h.value, ${ms}]),
          max(array[h.step::float8, h.value, ${ms}]),
          min(array[h.value, h.step::float8, ${ms}]),
          max(array[h.value, h.step::float8, ${ms}])
        ) as quad
      from model_metric_history h
      join s on s.version_id = h.version_id and s.key = h.key
      where h.version_id in (${ids})
      group by h.version_id, h.key, s.n,
        case when s.n <= ${MAX_POINTS_PER_LINE} then h.step::bigint
             else (h.step - s.lo)::bigint * ${BUCKETS} / (s.hi - s.lo + 1) end
    )
    select version_id, key, n, json_agg(quad)::text as buckets
    from b group by version_id, key, n
  `);
  return result.rows.map((row) => {
    const buckets: Quad[] = typeof row.buckets === "string" ? JSON.parse(row.buckets) : row.buckets;
    const byStep = new Map<number, HistoryPoint>();
    for (const [first, last, low, high] of buckets) {
      byStep.set(first[0], { step: first[0], value: first[1], ts: first[2] });
      byStep.set(last[0], { step: last[0], value: last[1], ts: last[2] });
      byStep.set(low[1], { step: low[1], value: low[0], ts: low[2] });
      byStep.set(high[1], { step: high[1], value: high[0], ts: high[2] });
    }
    const points = [...byStep.values()].sort((a, b) => a.step - b.step);
    return { versionId: row.version_id, key: row.key, total: Number(row.n), points };
  });
}
