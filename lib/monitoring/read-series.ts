import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { AppError, parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { planRead } from "./plan-read";

const MAX_RANGE_MS = 400 * 24 * 60 * 60 * 1000;

export const readSeriesInput = z
  .object({
    seriesIds: z.array(z.uuid()).min(1).max(20, "read at most 20 series at once"),
    from: z.coerce.date(),
    to: z.coerce.date(),
    maxPoints: z.coerce.number().int().min(10).max(5000).default(1000),
  })
  .refine((i) => i.from < i.to, { message: "from must be before to", path: ["from"] })
  .refine((i) => i.to.getTime() - i.from.getTime() <= MAX_RANGE_MS, {
    message: "the range is at most 400 days",
    path: ["from"],
  });
export type ReadSeriesInput = z.input<typeof readSeriesInput>;

/** One chart bucket that holds points; empty buckets are absent (a gap, never a zero). */
export type SeriesBucket = { bucketStart: Date; min: number; max: number; avg: number; count: number };

export type SeriesReading = {
  from: Date;
  to: Date;
  /** Bucket k covers [origin + k·bucketMs, origin + (k+1)·bucketMs); origin ≤ from. */
  origin: Date;
  bucketMs: number;
  series: {
    id: string;
    key: string;
    name: string;
    unit: string | null;
    labels: Record<string, string>;
    buckets: SeriesBucket[];
  }[];
};

/** [bucket start in epoch ms, min, max, sum, count] */
type BucketTuple = [number, number, number, number, number];
type Row = {
  id: string;
  key: string;
  name: string;
  unit: string | null;
  labels: Record<string, string>;
  project_id: string;
  buckets: BucketTuple[];
};

/**
 * Downsampled points of up to 20 series over [from, to): at most `maxPoints` buckets each,
 * with min, max and avg per bucket, so a one-sample spike survives as the bucket's max.
 * Long ranges read the 10-minute or hourly rollups for whole buckets and raw points only
 * at the edges (see planRead); the result equals a read of the raw points alone.
 *
 * One statement returns each series' row with its buckets as one JSON array: parsing a
 * thousand rows of six columns in node-postgres cost more CPU than the query itself, and
 * at 16 concurrent charts the Node process, not Postgres, was the bottleneck.
 */
export async function readSeries(ctx: ServiceContext, raw: ReadSeriesInput): Promise<SeriesReading> {
  assertCan(ctx.actor, "monitoring:read");
  const input = parseInput(readSeriesInput, raw);
  const ids = [...new Set(input.seriesIds)];
  const from = input.from.getTime();
  const to = input.to.getTime();
  const plan = planRead(from, to, input.maxPoints);
  const iso = (ms: number) => new Date(ms).toISOString();
  const idList = sql`${`{${ids.join(",")}}`}::uuid[]`;
  const rollups = plan.grainSeconds
    ? sql`select series_id, bucket_start as ts, min, max, sum, count from metric_rollups
        where series_id = any(${idList}) and grain_seconds = ${plan.grainSeconds}
          and bucket_start >= ${iso(plan.innerFromMs)}::timestamptz and bucket_start < ${iso(plan.innerToMs)}::timestamptz
        union all `
    : sql``;
  // Raw points outside the rollup span: the whole range when no rollup is used. The epoch
  // conversion runs once per bucket, after grouping: per row it cost a third of the query.
  const result = await ctx.db.execute<Row>(sql`
    with parts as (
      ${rollups}select series_id, ts, value as min, value as max, value as sum, 1 as count from metric_points
      where series_id = any(${idList})
        and ((ts >= ${iso(from)}::timestamptz and ts < ${iso(plan.innerFromMs)}::timestamptz)
          or (ts >= ${iso(plan.innerToMs)}::timestamptz and ts < ${iso(to)}::timestamptz))
    ), buckets as (
      select series_id, date_bin(make_interval(secs => ${plan.bucketMs / 1000}), ts, ${iso(plan.originMs)}::timestamptz) as bucket,
        min(min) as min, max(max) as max, sum(sum) as sum, sum(count)::int as count
      from parts group by 1, 2
    ), per_series as (
      select series_id, json_agg(json_build_array((extract(epoch from bucket) * 1000)::float8, min, max, sum, count)
        order by bucket) as buckets
      from buckets group by series_id
    )
    select s.id, s.key, s.name, s.unit, s.labels, s.project_id, coalesce(p.buckets, '[]'::json) as buckets
    from metric_series s left join per_series p on p.series_id = s.id
    where s.id = any(${idList})`);

  const allowed = ctx.actor.projectIds;
  const visible = new Map(
    result.rows.filter((s) => !allowed || allowed.includes(s.project_id)).map((s) => [s.id, s]),
  );
  const missing = ids.filter((id) => !visible.has(id));
  if (missing.length > 0) throw new AppError("not_found", "Some series were not found.", { missing });
  return {
    from: input.from,
    to: input.to,
    origin: new Date(plan.originMs),
    bucketMs: plan.bucketMs,
    series: ids.map((id) => {
      const s = visible.get(id)!;
      const buckets = s.buckets.map(([start, min, max, sum, count]) => ({
        bucketStart: new Date(start),
        min,
        max,
        avg: sum / count,
        count,
      }));
      return { id, key: s.key, name: s.name, unit: s.unit, labels: s.labels, buckets };
    }),
  };
}

/** A reading as the API sends it: every time an ISO 8601 string. */
export type SeriesReadingJson = Omit<SeriesReading, "from" | "to" | "origin" | "series"> & {
  from: string;
  to: string;
  origin: string;
  series: (Omit<SeriesReading["series"][number], "buckets"> & {
    buckets: (Omit<SeriesBucket, "bucketStart"> & { bucketStart: string })[];
  })[];
};

/**
 * Converts the Dates up front: JSON.stringify calls Date#toJSON through its slow path, which
 * made serialising a 1,000-bucket reading cost more CPU than reading it from Postgres.
 */
export function seriesReadingToJson(reading: SeriesReading): SeriesReadingJson {
  return {
    ...reading,
    from: reading.from.toISOString(),
    to: reading.to.toISOString(),
    origin: reading.origin.toISOString(),
    series: reading.series.map((s) => ({
      ...s,
      buckets: s.buckets.map((b) => ({ ...b, bucketStart: b.bucketStart.toISOString() })),
    })),
  };
}
