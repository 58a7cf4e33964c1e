import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Executor } from "@/lib/db/client";

/**
 * Integration tests only: asserts that every metric_rollups bucket equals the aggregate
 * of the metric_points it covers, and that no bucket is missing or left over.
 */
export async function expectRollupsMatchPoints(db: Executor): Promise<void> {
  const diff = await db.execute<{ series_id: string; grain: number; bucket_start: string }>(sql`
    with truth as (
      select series_id, g.grain, date_bin(make_interval(secs => g.grain), ts, 'epoch'::timestamptz) as bucket_start,
        min(value) as min, max(value) as max, sum(value) as sum, count(*)::int as count
      from metric_points cross join (values (600), (3600)) as g(grain) group by 1, 2, 3
    )
    select coalesce(t.series_id, r.series_id) as series_id, coalesce(t.grain, r.grain_seconds) as grain,
      coalesce(t.bucket_start, r.bucket_start)::text as bucket_start
    from truth t full join metric_rollups r
      on r.series_id = t.series_id and r.grain_seconds = t.grain and r.bucket_start = t.bucket_start
    where t.series_id is null or r.series_id is null or r.min <> t.min or r.max <> t.max
      or r.count <> t.count or abs(r.sum - t.sum) > 1e-9 * greatest(1, abs(t.sum))`);
  expect(diff.rows, "rollup buckets that disagree with their points").toEqual([]);
}
