import "server-only";
import { and, asc, desc, eq, inArray, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { afterCursor, decodeCursor, type Page, toPage } from "@/lib/db/keyset";
import { modelAliases, models, modelVersions, projects } from "@/lib/db/schema";
import { withinActorScope } from "@/lib/projects/within-actor-scope";

/** How many of the newest versions the sparkline shows; older ones would squash it flat. */
export const SPARKLINE_VERSIONS = 20;

export const listModelsInput = z.object({
  projectIds: z.array(z.string()).nullable().default(null),
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
  /** The primary metric per version, oldest first (at most SPARKLINE_VERSIONS); null where not logged. */
  metricByVersion: ModelMetricPoint[];
  createdAt: Date;
};

const champion = alias(modelVersions, "champion_version");

/** Registered models, newest first, with version counts, champion and primary-metric trend. */
export async function listModels(
  ctx: ServiceContext,
  rawInput: ListModelsInput,
): Promise<Page<ModelListItem>> {
  assertCan(ctx.actor, "models:read");
  const input = parseInput(listModelsInput, rawInput);
  const cursor = decodeCursor(input.cursor);
  const projectIds = withinActorScope(ctx.actor, input.projectIds);
  const rows = await ctx.db
    .select({
      id: models.id,
      name: models.name,
      projectSlug: projects.slug,
      projectName: projects.name,
      primaryMetric: models.primaryMetric,
      primaryMetricDirection: models.primaryMetricDirection,
      // Correlated subqueries: one page of models is small, and the unique index on
      // (model_id, version) answers both without touching the version rows' metrics.
      versionCount:
        sql<number>`(select count(*) from ${modelVersions} where ${modelVersions.modelId} = ${models.id})`.mapWith(
          Number,
        ),
      latestVersion: sql<
        number | null
      >`(select max(${modelVersions.version}) from ${modelVersions} where ${modelVersions.modelId} = ${models.id})`,
      championVersion: champion.version,
      createdAt: models.createdAt,
    })
    .from(models)
    .innerJoin(projects, eq(projects.id, models.projectId))
    .leftJoin(modelAliases, and(eq(modelAliases.modelId, models.id), eq(modelAliases.alias, "champion")))
    .leftJoin(champion, eq(champion.id, modelAliases.versionId))
    .where(
      and(
        projectIds ? inArray(models.projectId, projectIds) : undefined,
        afterCursor(models.createdAt, models.id, cursor),
      ),
    )
    .orderBy(desc(models.createdAt), desc(models.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (row) => ({ at: row.createdAt, id: row.id }));
  const history = await metricHistory(
    ctx,
    page.items.map((m) => m.id),
  );
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((m) => ({
      ...m,
      latestVersion: m.latestVersion === null ? null : Number(m.latestVersion),
      metricByVersion: history.get(m.id) ?? [],
    })),
  };
}

/** The primary metric of the newest versions of each model, oldest first. */
async function metricHistory(
  ctx: ServiceContext,
  modelIds: string[],
): Promise<Map<string, ModelMetricPoint[]>> {
  const byModel = new Map<string, ModelMetricPoint[]>();
  if (modelIds.length === 0) return byModel;
  // metrics is free-form JSON: a string or missing value is a gap, never a cast error.
  const value = sql<
    number | null
  >`case when jsonb_typeof(${modelVersions.metrics} -> ${models.primaryMetric}) = 'number'
    then (${modelVersions.metrics} ->> ${models.primaryMetric})::double precision end`;
  const ranked = ctx.db
    .select({
      modelId: modelVersions.modelId,
      version: modelVersions.version,
      value: value.as("value"),
      rank: sql<number>`row_number() over (partition by ${modelVersions.modelId} order by ${modelVersions.version} desc)`.as(
        "rank",
      ),
    })
    .from(modelVersions)
    .innerJoin(models, eq(models.id, modelVersions.modelId))
    .where(inArray(modelVersions.modelId, modelIds))
    .as("ranked");
  const rows = await ctx.db
    .select({ modelId: ranked.modelId, version: ranked.version, value: ranked.value })
    .from(ranked)
    .where(lte(ranked.rank, SPARKLINE_VERSIONS))
    .orderBy(asc(ranked.modelId), asc(ranked.version));
  for (const row of rows) {
    const points = byModel.get(row.modelId) ?? [];
    points.push({ version: row.version, value: row.value === null ? null : Number(row.value) });
    byModel.set(row.modelId, points);
  }
  return byModel;
}
