import "server-only";
import { and, desc, eq, ilike, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { afterCursor, decodeCursor, type Page, toPage } from "@/lib/db/keyset";
import { deployments, environments, modelAliases, models, modelVersions, projects } from "@/lib/db/schema";
import { withinActorScope } from "@/lib/projects/within-actor-scope";

/** How many of the newest versions the sparkline shows; older ones would squash it flat. */
export const SPARKLINE_VERSIONS = 20;

export const listModelsInput = z.object({
  projectIds: z.array(z.string()).nullable().default(null),
  q: z.string().trim().max(200).optional().describe("Part of the model's name (case-insensitive)."),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListModelsInput = z.input<typeof listModelsInput>;

export type ModelMetricPoint = { version: number; value: number | null };

export type ModelListItem = {
  id: string;
  name: string;
  projectSlug: string;
  projectName: string;
  primaryMetric: string | null;
  primaryMetricDirection: "higher" | "lower";
  versionCount: number;
  latestVersion: number | null;
  /** The version number holding the `champion` alias, if any. */
  championVersion: number | null;
  /**
   * The version running in production now: the latest succeeded deployment of any version of
   * this model to a production environment. Null when none has reached production.
   */
  productionVersion: number | null;
  /** The primary metric per version, oldest first (at most SPARKLINE_VERSIONS); null where not logged. */
  metricByVersion: ModelMetricPoint[];
  /** The newest of those versions that logged the primary metric, with its value. */
  latestMetric: { version: number; value: number } | null;
  createdAt: Date;
};

const champion = alias(modelVersions, "champion_version");

/** A search matches `%`, `_` and backslash literally, not as wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Registered models, newest first, optionally those whose name contains `q`, with version
 * counts, latest, champion and production versions, and the primary-metric trend. One
 * statement however many models are on the page: each row's extras are correlated
 * subqueries that the (model_id, version) index answers, reading at most
 * SPARKLINE_VERSIONS version rows per model.
 */
export async function listModels(
  ctx: ServiceContext,
  rawInput: ListModelsInput,
): Promise<Page<ModelListItem>> {
  assertCan(ctx.actor, "models:read");
  const input = parseInput(listModelsInput, rawInput);
  const cursor = decodeCursor(input.cursor);
  const projectIds = withinActorScope(ctx.actor, input.projectIds);
  // The page of models first, then the per-model extras on its rows only: the planner then
  // costs the correlated subqueries for one page, not for every model (which also kept
  // Postgres from JIT-compiling a query that runs in a few milliseconds).
  const picked = ctx.db
    .select({
      id: models.id,
      name: models.name,
      projectSlug: sql<string>`${projects.slug}`.as("project_slug"),
      projectName: sql<string>`${projects.name}`.as("project_name"),
      primaryMetric: models.primaryMetric,
      primaryMetricDirection: models.primaryMetricDirection,
      championVersion: sql<number | null>`${champion.version}`.as("champion_version"),
      createdAt: models.createdAt,
    })
    .from(models)
    .innerJoin(projects, eq(projects.id, models.projectId))
    .leftJoin(modelAliases, and(eq(modelAliases.modelId, models.id), eq(modelAliases.alias, "champion")))
    .leftJoin(champion, eq(champion.id, modelAliases.versionId))
    .where(
      and(
        projectIds ? inArray(models.projectId, projectIds) : undefined,
        input.q ? ilike(models.name, likePattern(input.q)) : undefined,
        afterCursor(models.createdAt, models.id, cursor),
      ),
    )
    .orderBy(desc(models.createdAt), desc(models.id))
    .limit(input.limit + 1)
    .as("picked");
  // Drizzle leaves a subquery's columns unqualified, which the correlated subqueries below
  // would resolve to their own tables' columns: name the page's columns in full.
  const pickedId = sql.raw(`"picked"."id"`);
  const pickedMetric = sql.raw(`"picked"."primary_metric"`);
  // metrics is free-form JSON: a string or missing value is a gap, never a cast error.
  const trend = sql<unknown>`(
    select coalesce(json_agg(json_build_array(t.version, t.value) order by t.version), '[]')
    from (
      select tv.version,
        case when jsonb_typeof(tv.metrics -> ${pickedMetric}) = 'number'
          then (tv.metrics ->> ${pickedMetric})::double precision end as value
      from ${modelVersions} tv
      where tv.model_id = ${pickedId}
      order by tv.version desc
      limit ${SPARKLINE_VERSIONS}
    ) t)`;
  const rows = await ctx.db
    .select({
      id: picked.id,
      name: picked.name,
      projectSlug: picked.projectSlug,
      projectName: picked.projectName,
      primaryMetric: picked.primaryMetric,
      primaryMetricDirection: picked.primaryMetricDirection,
      versionCount:
        sql<number>`(select count(*) from ${modelVersions} cv where cv.model_id = ${pickedId})`.mapWith(
          Number,
        ),
      latestVersion: sql<
        number | null
      >`(select max(lv.version) from ${modelVersions} lv where lv.model_id = ${pickedId})`,
      championVersion: picked.championVersion,
      // Driven by the model's versions (an index probe each into deployments by version):
      // bounded by the model's size, not by every deployment to production.
      productionVersion: sql<number | null>`(
        select pv.version from ${modelVersions} pv
        cross join lateral (
          select d.started_at, d.id from ${deployments} d
          join ${environments} pe on pe.id = d.environment_id
          where d.model_version_id = pv.id and d.status = 'succeeded' and pe.is_production
          order by d.started_at desc, d.id desc
          limit 1
        ) last
        where pv.model_id = ${pickedId}
        order by last.started_at desc, last.id desc
        limit 1)`,
      trend,
      createdAt: picked.createdAt,
    })
    .from(picked)
    .orderBy(desc(picked.createdAt), desc(picked.id));
  const page = toPage(rows, input.limit, (row) => ({ at: row.createdAt, id: row.id }));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ trend: points, ...m }) => {
      const metricByVersion = parseTrend(points);
      const latest = metricByVersion.findLast((p) => p.value !== null);
      return {
        ...m,
        latestVersion: m.latestVersion === null ? null : Number(m.latestVersion),
        championVersion: m.championVersion === null ? null : Number(m.championVersion),
        productionVersion: m.productionVersion === null ? null : Number(m.productionVersion),
        metricByVersion,
        latestMetric: latest ? { version: latest.version, value: latest.value! } : null,
      };
    }),
  };
}

/** The trend as the driver hands it over: parsed JSON, or text where a driver leaves it. */
function parseTrend(raw: unknown): ModelMetricPoint[] {
  const pairs = (typeof raw === "string" ? JSON.parse(raw) : (raw ?? [])) as [number, number | null][];
  return pairs.map(([version, value]) => ({ version, value: value === null ? null : Number(value) }));
}
