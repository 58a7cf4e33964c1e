CREATE TABLE "model_metric_lines" (
	"version_id" uuid NOT NULL,
	"key" text NOT NULL,
	"total" integer NOT NULL,
	"first_step" integer NOT NULL,
	"last_step" integer NOT NULL,
	"points" "bytea" NOT NULL,
	CONSTRAINT "model_metric_lines_version_id_key_pk" PRIMARY KEY("version_id","key")
);
--> statement-breakpoint
ALTER TABLE "model_metric_lines" ADD CONSTRAINT "model_metric_lines_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deployments_run_idx" ON "deployments" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "promotion_requests_model_version_idx" ON "promotion_requests" USING btree ("model_version_id");--> statement-breakpoint
CREATE INDEX "promotion_requests_release_idx" ON "promotion_requests" USING btree ("release_id");--> statement-breakpoint
CREATE INDEX "pipeline_runs_branch_queued_idx" ON "pipeline_runs" USING btree ("branch","queued_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
-- Hand-written (drizzle-kit does not model triggers) from here on.
--
-- model_metric_lines holds every metric-history line downsampled to at most 1,000 points,
-- so that comparing versions with 20,000-step histories reads one small row per line
-- instead of aggregating every stored step on each page view. A line of more than 1,000
-- points is cut into 250 equal step ranges and each keeps its first, last, lowest and
-- highest point (a loss spike and the best epoch survive, and the line's ends); a shorter
-- line is kept whole. min/max over `array[...]` pick the extreme with its step in one pass
-- (arrays compare element by element). Statement triggers recompute the lines a statement
-- touched from the stored points, so the summary is exact for every writer (the API,
-- the MLflow import, the demo seed). A per-line advisory lock, taken in hash order,
-- makes a concurrent append to the same line wait, and the recompute that follows the
-- lock reads with a fresh snapshot (READ COMMITTED), so it sees the other append too.
CREATE FUNCTION "model_metric_lines_refresh"(version_ids uuid[], keys text[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7412, h)
  FROM (SELECT DISTINCT hashtext(l.v::text || '/' || l.k) AS h FROM unnest(version_ids, keys) AS l(v, k) ORDER BY h) AS hashes;
  WITH "touched" AS (
    SELECT DISTINCT l.v AS "version_id", l.k AS "key" FROM unnest(version_ids, keys) AS l(v, k)
  ), "stats" AS (
    SELECT h."version_id", h."key", min(h."step") AS lo, max(h."step") AS hi, count(*)::int AS n
    FROM "model_metric_history" AS h JOIN "touched" AS t ON t."version_id" = h."version_id" AND t."key" = h."key"
    GROUP BY 1, 2
  ), "buckets" AS (
    SELECT h."version_id", h."key",
      min(array[h."step"::float8, h."value", extract(epoch FROM h."ts")::float8 * 1000]) AS "first",
      max(array[h."step"::float8, h."value", extract(epoch FROM h."ts")::float8 * 1000]) AS "last",
      min(array[h."value", h."step"::float8, extract(epoch FROM h."ts")::float8 * 1000]) AS "low",
      max(array[h."value", h."step"::float8, extract(epoch FROM h."ts")::float8 * 1000]) AS "high"
    FROM "model_metric_history" AS h JOIN "stats" AS s ON s."version_id" = h."version_id" AND s."key" = h."key"
    GROUP BY h."version_id", h."key",
      CASE WHEN s.n <= 1000 THEN h."step"::bigint ELSE (h."step" - s.lo)::bigint * 250 / (s.hi - s.lo + 1) END
  ), "points" AS (
    SELECT "version_id", "key", "first"[1] AS step, "first"[2] AS value, "first"[3] AS ms FROM "buckets"
    UNION SELECT "version_id", "key", "last"[1], "last"[2], "last"[3] FROM "buckets"
    UNION SELECT "version_id", "key", "low"[2], "low"[1], "low"[3] FROM "buckets"
    UNION SELECT "version_id", "key", "high"[2], "high"[1], "high"[3] FROM "buckets"
  ), "emptied" AS (
    DELETE FROM "model_metric_lines" AS l USING "touched" AS t
    WHERE l."version_id" = t."version_id" AND l."key" = t."key"
      AND NOT EXISTS (SELECT 1 FROM "stats" AS s WHERE s."version_id" = t."version_id" AND s."key" = t."key")
  )
  -- Points packed as big-endian float64 triples (float8send), 24 bytes each, by step.
  INSERT INTO "model_metric_lines" ("version_id", "key", "total", "first_step", "last_step", "points")
  SELECT p."version_id", p."key", s.n, s.lo, s.hi,
    string_agg(float8send(p.step) || float8send(p.value) || float8send(p.ms), ''::bytea ORDER BY p.step)
  FROM "points" AS p JOIN "stats" AS s ON s."version_id" = p."version_id" AND s."key" = p."key"
  GROUP BY p."version_id", p."key", s.n, s.lo, s.hi
  ON CONFLICT ("version_id", "key") DO UPDATE SET "total" = excluded."total",
    "first_step" = excluded."first_step", "last_step" = excluded."last_step", "points" = excluded."points";
END
$$;--> statement-breakpoint
CREATE FUNCTION "model_metric_history_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "model_metric_lines_refresh"(array_agg("version_id"), array_agg("key"))
  FROM (SELECT DISTINCT "version_id", "key" FROM "new_history") AS l;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "model_metric_history_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "model_metric_lines_refresh"(array_agg("version_id"), array_agg("key"))
  FROM (SELECT "version_id", "key" FROM "old_history" UNION SELECT "version_id", "key" FROM "new_history") AS l;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "model_metric_history_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "model_metric_lines_refresh"(array_agg("version_id"), array_agg("key"))
  FROM (SELECT DISTINCT "version_id", "key" FROM "old_history") AS l;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "model_metric_history_added" AFTER INSERT ON "model_metric_history"
  REFERENCING NEW TABLE AS "new_history"
  FOR EACH STATEMENT EXECUTE FUNCTION "model_metric_history_added"();--> statement-breakpoint
CREATE TRIGGER "model_metric_history_changed" AFTER UPDATE ON "model_metric_history"
  REFERENCING OLD TABLE AS "old_history" NEW TABLE AS "new_history"
  FOR EACH STATEMENT EXECUTE FUNCTION "model_metric_history_changed"();--> statement-breakpoint
CREATE TRIGGER "model_metric_history_removed" AFTER DELETE ON "model_metric_history"
  REFERENCING OLD TABLE AS "old_history"
  FOR EACH STATEMENT EXECUTE FUNCTION "model_metric_history_removed"();--> statement-breakpoint
-- Lines of history written before this migration.
SELECT "model_metric_lines_refresh"(array_agg("version_id"), array_agg("key"))
FROM (SELECT DISTINCT "version_id", "key" FROM "model_metric_history") AS l;
