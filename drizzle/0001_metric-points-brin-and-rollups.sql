CREATE TABLE "metric_rollups" (
	"series_id" uuid NOT NULL,
	"grain_seconds" integer NOT NULL,
	"bucket_start" timestamp (3) with time zone NOT NULL,
	"min" double precision NOT NULL,
	"max" double precision NOT NULL,
	"sum" double precision NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "metric_rollups_series_id_grain_seconds_bucket_start_pk" PRIMARY KEY("series_id","grain_seconds","bucket_start")
);
--> statement-breakpoint
ALTER TABLE "metric_points" DROP CONSTRAINT "metric_points_series_id_metric_series_id_fk";
--> statement-breakpoint
CREATE INDEX "metric_rollups_bucket_brin_idx" ON "metric_rollups" USING brin ("bucket_start");--> statement-breakpoint
CREATE INDEX "metric_points_ts_brin_idx" ON "metric_points" USING brin ("ts");--> statement-breakpoint
-- Hand-written (drizzle-kit does not model triggers) from here on.
--
-- metric_rollups holds min/max/sum/count of metric_points per series over epoch-aligned
-- buckets of 10 minutes and 1 hour (lib/monitoring/rollup-grains.ts names the same grains).
-- Statement triggers keep it exact for every writer (the ingest API, the demo seed, the
-- retention job, any future importer). Inserted points are added to their buckets;
-- updated and deleted ones are applied as deltas (count and sum), and min or max is
-- recomputed from the bucket's points only when the value that held it went away. Adding
-- and applying deltas commute, so the order in which an INSERT ... ON CONFLICT DO UPDATE
-- fires its insert and update triggers does not matter. A per-series advisory lock
-- (shared to add, exclusive to recompute, taken in hash order) keeps a recompute from
-- missing the extreme of a batch that is still being added.
CREATE FUNCTION "metric_points_rollup_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7411, h)
  FROM (SELECT DISTINCT hashtext("series_id"::text) AS h FROM "new_points" ORDER BY h) AS hashes;
  INSERT INTO "metric_rollups" AS r ("series_id", "grain_seconds", "bucket_start", "min", "max", "sum", "count")
  SELECT p."series_id", g.grain, date_bin(make_interval(secs => g.grain), p."ts", 'epoch'::timestamptz),
    min(p."value"), max(p."value"), sum(p."value"), count(*)::int
  FROM "new_points" AS p CROSS JOIN (VALUES (600), (3600)) AS g(grain)
  GROUP BY 1, 2, 3
  -- One lock order for every writer, so two batches adding to the same buckets never deadlock.
  ORDER BY 1, 2, 3
  ON CONFLICT ("series_id", "grain_seconds", "bucket_start") DO UPDATE SET
    "min" = least(r."min", excluded."min"), "max" = greatest(r."max", excluded."max"),
    "sum" = r."sum" + excluded."sum", "count" = r."count" + excluded."count";
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Applies removed (sign -1) and added (sign +1) points to their buckets.
CREATE FUNCTION "metric_rollups_apply"(series_ids uuid[], times timestamptz[], vals float8[], signs int[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7411, h)
  FROM (SELECT DISTINCT hashtext(s::text) AS h FROM unnest(series_ids) AS s ORDER BY h) AS hashes;
  WITH deltas AS (
    SELECT c."series_id", g.grain, date_bin(make_interval(secs => g.grain), c."ts", 'epoch'::timestamptz) AS "bucket_start",
      sum(c.sign * c."value") AS dsum, sum(c.sign)::int AS dcount,
      min(c."value") FILTER (WHERE c.sign > 0) AS added_min, max(c."value") FILTER (WHERE c.sign > 0) AS added_max,
      min(c."value") FILTER (WHERE c.sign < 0) AS removed_min, max(c."value") FILTER (WHERE c.sign < 0) AS removed_max
    FROM unnest(series_ids, times, vals, signs) AS c("series_id", "ts", "value", sign)
    CROSS JOIN (VALUES (600), (3600)) AS g(grain)
    GROUP BY 1, 2, 3
  ), emptied AS (
    DELETE FROM "metric_rollups" AS r USING deltas AS d
    WHERE r."series_id" = d."series_id" AND r."grain_seconds" = d.grain AND r."bucket_start" = d."bucket_start"
      AND r."count" + d.dcount <= 0
  ), changed AS (
    UPDATE "metric_rollups" AS r SET
      "count" = r."count" + d.dcount,
      "sum" = r."sum" + d.dsum,
      "min" = CASE WHEN d.removed_min <= r."min" THEN coalesce((
          SELECT min(m."value") FROM "metric_points" AS m WHERE m."series_id" = r."series_id"
            AND m."ts" >= r."bucket_start" AND m."ts" < r."bucket_start" + make_interval(secs => r."grain_seconds")
        ), r."min") ELSE least(r."min", d.added_min) END,
      "max" = CASE WHEN d.removed_max >= r."max" THEN coalesce((
          SELECT max(m."value") FROM "metric_points" AS m WHERE m."series_id" = r."series_id"
            AND m."ts" >= r."bucket_start" AND m."ts" < r."bucket_start" + make_interval(secs => r."grain_seconds")
        ), r."max") ELSE greatest(r."max", d.added_max) END
    FROM deltas AS d
    WHERE r."series_id" = d."series_id" AND r."grain_seconds" = d.grain AND r."bucket_start" = d."bucket_start"
      AND r."count" + d.dcount > 0
  )
  -- A point moved (by an UPDATE of its ts) into a bucket that had none.
  INSERT INTO "metric_rollups" ("series_id", "grain_seconds", "bucket_start", "min", "max", "sum", "count")
  SELECT d."series_id", d.grain, d."bucket_start", d.added_min, d.added_max, d.dsum, d.dcount
  FROM deltas AS d
  WHERE d.dcount > 0 AND NOT EXISTS (
    SELECT 1 FROM "metric_rollups" AS r
    WHERE r."series_id" = d."series_id" AND r."grain_seconds" = d.grain AND r."bucket_start" = d."bucket_start");
END
$$;--> statement-breakpoint
CREATE FUNCTION "metric_points_rollup_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "metric_rollups_apply"(array_agg(c."series_id"), array_agg(c."ts"), array_agg(c."value"), array_agg(c.sign))
  FROM (
    SELECT "series_id", "ts", "value", -1 AS sign FROM "old_points"
    UNION ALL SELECT "series_id", "ts", "value", 1 FROM "new_points"
  ) AS c;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "metric_points_rollup_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "metric_rollups_apply"(array_agg("series_id"), array_agg("ts"), array_agg("value"), array_fill(-1, ARRAY[count(*)::int]))
  FROM "old_points";
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "metric_points_rollup_add" AFTER INSERT ON "metric_points"
  REFERENCING NEW TABLE AS "new_points"
  FOR EACH STATEMENT EXECUTE FUNCTION "metric_points_rollup_add"();--> statement-breakpoint
CREATE TRIGGER "metric_points_rollup_update" AFTER UPDATE ON "metric_points"
  REFERENCING OLD TABLE AS "old_points" NEW TABLE AS "new_points"
  FOR EACH STATEMENT EXECUTE FUNCTION "metric_points_rollup_update"();--> statement-breakpoint
CREATE TRIGGER "metric_points_rollup_delete" AFTER DELETE ON "metric_points"
  REFERENCING OLD TABLE AS "old_points"
  FOR EACH STATEMENT EXECUTE FUNCTION "metric_points_rollup_delete"();--> statement-breakpoint
-- metric_points and metric_rollups have no foreign key to metric_series, for ingest speed,
-- so deleting series (directly or through their project) deletes their points here, as ON
-- DELETE CASCADE would (the delete trigger above then drops their rollups).
CREATE FUNCTION "metric_series_delete_points"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "metric_points" WHERE "series_id" IN (SELECT "id" FROM "deleted_series");
  DELETE FROM "metric_rollups" WHERE "series_id" IN (SELECT "id" FROM "deleted_series");
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "metric_series_delete_points" AFTER DELETE ON "metric_series"
  REFERENCING OLD TABLE AS "deleted_series"
  FOR EACH STATEMENT EXECUTE FUNCTION "metric_series_delete_points"();
