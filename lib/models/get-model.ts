import "server-only";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { AppError, parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import { MAX_METRIC_COLUMNS } from "@/lib/charts/prepare-model-versions-table";
import type { ServiceContext } from "@/lib/context";
import { models, type modelVersions } from "@/lib/db/schema";
import { isUuid } from "./access";
import type { DeployedIn } from "./deployed-where";
import { type GetModelInput, getModelInput, MODEL_CHART_VERSIONS } from "./get-model-input";

export type ModelVersionSummary = {
  id: string;
  version: number;
  status: (typeof modelVersions.$inferSelect)["status"];
  metrics: Record<string, number>;
  /** Alias names this version holds, sorted. */
  aliases: string[];
  createdAt: Date;
  /** Environments where this version runs now, in environment order. */
  deployedIn: DeployedIn[];
};

export type ModelDetail = {
  id: string;
  name: string;
  description: string;
  owner: string | null;
  tags: Record<string, string>;
  primaryMetric: string | null;
  primaryMetricDirection: "higher" | "lower";
  createdAt: Date;
  updatedAt: Date;
  project: { id: string; slug: string; name: string };
  /** The project's environments in order, so "deployed where" can show empty ones too. */
  environments: { id: string; slug: string; name: string; position: number; isProduction: boolean }[];
  aliases: { alias: string; version: number; versionId: string; updatedAt: Date }[];
  versionCount: number;
  /**
   * The table's metric columns: the primary metric first, then the numeric metrics most of
   * the newest METRIC_COLUMN_SAMPLE versions logged (ties alphabetical), at most
   * MAX_METRIC_COLUMNS.
   */
  metricColumns: string[];
  /** The page of versions asked for, in the order asked for. */
  versions: ModelVersionSummary[];
  versionsPage: { sort: string; dir: "asc" | "desc"; offset: number; limit: number };
  /**
   * One metric across the newest MODEL_CHART_VERSIONS versions, oldest first; value null
   * where a version did not log it as a number. Null when the model has no metric columns.
   */
  metricSeries: { metric: string; points: { version: number; value: number | null }[] } | null;
};

/** How many of the newest versions decide the metric columns. */
export const METRIC_COLUMN_SAMPLE = 200;

type Row = {
  model: {
    id: string;
    projectId: string;
    name: string;
    description: string;
    owner: string | null;
    tags: Record<string, string>;
    primaryMetric: string | null;
    primaryMetricDirection: "higher" | "lower";
    createdAt: string;
    updatedAt: string;
    project: { id: string; slug: string; name: string };
  };
  environments: ModelDetail["environments"];
  aliases: (Omit<ModelDetail["aliases"][number], "updatedAt"> & { updatedAt: string })[];
  version_count: number | string;
  columns: string[];
  chosen: string | null;
  series: { versions: number[]; values: (number | null)[] };
  versions: (Omit<ModelVersionSummary, "createdAt" | "deployedIn"> & {
    createdAt: string;
    deployedIn: (Omit<DeployedIn, "deployedAt"> & { deployedAt: string })[];
  })[];
};

/** A metric's value as a number; missing or not a number (metrics are free-form JSON) is null. */
function metricValue(key: SQL): SQL {
  return sql`(case when jsonb_typeof(v.metrics -> ${key}) = 'number' then (v.metrics ->> ${key})::double precision end)`;
}

/**
 * A model with its environments and aliases, one page of its versions (metrics, aliases, and
 * where each runs now per environment), its metric columns and one metric across versions.
 * Needs models:read; a model outside the actor's projects, or an id that is not a model id,
 * is a 404.
 *
 * One statement and one round trip: the model page is read on every view and models reach
 * thousands of versions, so sorting, paging, metric columns and the chart series are
 * computed in SQL and only one page of version rows (plus one number per version for the
 * chart) travels to the server.
 */
export async function getModel(ctx: ServiceContext, raw: GetModelInput): Promise<ModelDetail> {
  assertCan(ctx.actor, "models:read");
  const input = parseInput(getModelInput, raw);
  const notFound = new AppError("not_found", "Model not found.");
  if (!isUuid(input.id)) throw notFound;
  const scope = ctx.actor.projectIds;
  const sortValue = input.sort === "version" ? sql`v.version` : metricValue(sql`${input.sort}::text`);
  // Gaps go last in both directions (a missing metric is not a low score); ties newest first.
  const order =
    input.dir === "asc"
      ? sql`${sortValue} asc nulls last, v.version desc`
      : sql`${sortValue} desc nulls last, v.version desc`;
  const result = await ctx.db.execute<Row>(sql`
    with m as (
      select * from ${models}
      where ${and(eq(models.id, input.id), scope ? inArray(models.projectId, scope) : undefined)}
    ), v as materialized (
      select v.id, v.version, v.status, v.metrics, v.created_at
      from model_versions v where v.model_id = (select id from m)
    ), counted as (
      -- The newest versions decide the columns: what the model logs now, and a bounded cost.
      select k as key, count(*) as n
      from (select metrics from v order by version desc limit ${METRIC_COLUMN_SAMPLE}) s
      cross join lateral jsonb_object_keys(s.metrics) k
      where jsonb_typeof(s.metrics -> k) = 'number'
      group by k
    ), cols as (
      select key, pos from (
        select m.primary_metric as key, 0::bigint as pos from m where m.primary_metric is not null
        union all
        select c.key, row_number() over (order by c.n desc, c.key) as pos
        from counted c where c.key is distinct from (select primary_metric from m)
      ) k order by pos limit ${MAX_METRIC_COLUMNS}
    ), chosen as (
      select coalesce(
        (select key from cols where key = ${input.metric ?? null}::text),
        (select key from cols order by pos limit 1)
      ) as key
    ), paged as (
      select * from (
        select v.*, row_number() over (order by ${order}) as ord from v
      ) r where r.ord > ${input.offset} and r.ord <= ${input.offset + input.limit}
    ), deployed as materialized (
      -- Per environment, the latest succeeded deployment of any version of this model
      -- decides which version runs there (another model or a failed attempt does not).
      select distinct on (d.environment_id) d.model_version_id as version_id, e.id, e.slug, e.name,
        e.position, e.is_production, d.id as deployment_id, d.started_at
      from deployments d
      join v on v.id = d.model_version_id
      join environments e on e.id = d.environment_id
      where d.status = 'succeeded'
      order by d.environment_id, d.started_at desc, d.id desc
    ), charted as (
      select v.version, v.metrics from v order by v.version desc limit ${MODEL_CHART_VERSIONS}
    )
    select
      (select json_build_object(
        'id', m.id, 'projectId', m.project_id, 'name', m.name, 'description', m.description,
        'owner', m.owner, 'tags', m.tags, 'primaryMetric', m.primary_metric,
        'primaryMetricDirection', m.primary_metric_direction,
        'createdAt', m.created_at, 'updatedAt', m.updated_at,
        'project', json_build_object('id', p.id, 'slug', p.slug, 'name', p.name))
       from m join projects p on p.id = m.project_id) as model,
      (select coalesce(json_agg(json_build_object('id', e.id, 'slug', e.slug, 'name', e.name,
          'position', e.position, 'isProduction', e.is_production) order by e.position, e.name), '[]')
       from environments e where e.project_id = (select project_id from m)) as environments,
      (select coalesce(json_agg(json_build_object('alias', a.alias, 'version', mv.version,
          'versionId', a.version_id, 'updatedAt', a.updated_at) order by a.alias), '[]')
       from model_aliases a join model_versions mv on mv.id = a.version_id
       where a.model_id = (select id from m)) as aliases,
      (select count(*) from v) as version_count,
      (select coalesce(json_agg(key order by pos), '[]') from cols) as columns,
      (select key from chosen) as chosen,
      -- Two flat arrays, the value passed through as stored: the cheapest shape for 1,000 points.
      (select json_build_object(
          'versions', coalesce(json_agg(v.version order by v.version), '[]'),
          'values', coalesce(json_agg(case when jsonb_typeof(v.metrics -> c.key) = 'number'
            then v.metrics -> c.key end order by v.version), '[]'))
       from charted v, chosen c where c.key is not null) as series,
      (select coalesce(json_agg(json_build_object(
          'id', r.id, 'version', r.version, 'status', r.status, 'metrics', r.metrics, 'createdAt', r.created_at,
          'aliases', coalesce((select json_agg(a.alias order by a.alias) from model_aliases a
            where a.version_id = r.id), '[]'),
          'deployedIn', coalesce((select json_agg(json_build_object('environmentId', d.id,
              'environmentSlug', d.slug, 'environmentName', d.name, 'position', d.position,
              'isProduction', d.is_production, 'deploymentId', d.deployment_id, 'deployedAt', d.started_at)
              order by d.position, d.name) from deployed d where d.version_id = r.id), '[]')
        ) order by r.ord), '[]')
       from paged r) as versions
  `);
  const row = result.rows[0];
  if (!row?.model) throw notFound;
  const { projectId: _projectId, project, createdAt, updatedAt, ...fields } = row.model;
  return {
    ...fields,
    createdAt: new Date(createdAt),
    updatedAt: new Date(updatedAt),
    project,
    environments: row.environments,
    aliases: row.aliases.map((a) => ({ ...a, updatedAt: new Date(a.updatedAt) })),
    versionCount: Number(row.version_count),
    metricColumns: row.columns,
    versions: row.versions.map((v) => ({
      ...v,
      createdAt: new Date(v.createdAt),
      deployedIn: v.deployedIn.map((d) => ({ ...d, deployedAt: new Date(d.deployedAt) })),
    })),
    versionsPage: { sort: input.sort, dir: input.dir, offset: input.offset, limit: input.limit },
    metricSeries: row.chosen
      ? {
          metric: row.chosen,
          points: row.series.versions.map((version, i) => ({ version, value: row.series.values[i] ?? null })),
        }
      : null,
  };
}
