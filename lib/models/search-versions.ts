import "server-only";
import { and, asc, desc, eq, exists, gt, gte, inArray, lt, lte, type SQL, sql } from "drizzle-orm";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { afterCursor, decodeCursor, type Page, toPage } from "@/lib/db/keyset";
import { modelAliases, models, modelVersions, projects } from "@/lib/db/schema";
import { projectScope } from "@/lib/projects/project-scope";
import { withinActorScope } from "@/lib/projects/within-actor-scope";
import { fieldError, loadVisibleModel, parseBody } from "./access";
import { METRIC_FILTER, type SearchVersionsInput, searchVersionsQuery } from "./schemas";

export type VersionSearchItem = {
  id: string;
  modelId: string;
  modelName: string;
  projectSlug: string;
  version: number;
  status: (typeof modelVersions.$inferSelect)["status"];
  framework: string | null;
  metrics: Record<string, number>;
  tags: Record<string, string>;
  commitSha: string | null;
  aliases: string[];
  createdAt: Date;
};

const COMPARE = { ">=": gte, "<=": lte, ">": gt, "<": lt } as const;
type Operator = keyof typeof COMPARE;

/** A metric's value as a number; a missing or non-numeric value is null, so no filter holds. */
function metricValue(key: string): SQL {
  return sql`(case when jsonb_typeof(${modelVersions.metrics} -> ${key}::text) = 'number'
    then (${modelVersions.metrics} ->> ${key}::text)::double precision end)`;
}

/** `auc>=0.9` as a condition; every user value is a bound parameter. */
function metricCondition(filter: string): SQL {
  const [, key, op, raw] = METRIC_FILTER.exec(filter) ?? [];
  const value = Number(raw);
  if (!key || !op || !Number.isFinite(value)) throw fieldError("metric", `"${filter}" has no finite number.`);
  return COMPARE[op as Operator](metricValue(key), value);
}

/** `key:value` (split at the first colon) as jsonb containment on the tags. */
function tagCondition(filter: string): SQL {
  const at = filter.indexOf(":");
  const tag = { [filter.slice(0, at)]: filter.slice(at + 1) };
  return sql`${modelVersions.tags} @> ${JSON.stringify(tag)}::jsonb`;
}

/**
 * Model versions, newest first (keyset on createdAt, id), filtered by model, alias, tags
 * (`key:value`, all must match) and up to five metric thresholds (`auc>=0.9`, all must
 * hold; a version without the metric never matches), optionally within one project (slug).
 * Needs models:read; limited to the actor's projects, and a model or project outside them
 * is a 404.
 */
export async function searchModelVersions(
  ctx: ServiceContext,
  rawInput: SearchVersionsInput,
): Promise<Page<VersionSearchItem>> {
  assertCan(ctx.actor, "models:read");
  const input = parseBody(searchVersionsQuery, rawInput);
  const cursor = decodeCursor(input.cursor);
  const conditions = input.metric.map(metricCondition);
  const model = input.model ? await loadVisibleModel(ctx.db, ctx.actor, input.model) : null;
  const projectIds = withinActorScope(ctx.actor, await projectScope(ctx, input.project));
  const rows = await ctx.db
    .select({
      id: modelVersions.id,
      modelId: modelVersions.modelId,
      modelName: models.name,
      projectSlug: projects.slug,
      version: modelVersions.version,
      status: modelVersions.status,
      framework: modelVersions.framework,
      metrics: modelVersions.metrics,
      tags: modelVersions.tags,
      commitSha: modelVersions.commitSha,
      createdAt: modelVersions.createdAt,
    })
    .from(modelVersions)
    .innerJoin(models, eq(models.id, modelVersions.modelId))
    .innerJoin(projects, eq(projects.id, models.projectId))
    .where(
      and(
        model ? eq(modelVersions.modelId, model.id) : undefined,
        projectIds ? inArray(models.projectId, projectIds) : undefined,
        input.alias
          ? exists(
              ctx.db
                .select({ one: sql`1` })
                .from(modelAliases)
                .where(
                  and(eq(modelAliases.versionId, modelVersions.id), eq(modelAliases.alias, input.alias)),
                ),
            )
          : undefined,
        ...input.tag.map(tagCondition),
        ...conditions,
        afterCursor(modelVersions.createdAt, modelVersions.id, cursor),
      ),
    )
    .orderBy(desc(modelVersions.createdAt), desc(modelVersions.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (row) => ({ at: row.createdAt, id: row.id }));
  const ids = page.items.map((v) => v.id);
  const aliases = ids.length
    ? await ctx.db
        .select({ versionId: modelAliases.versionId, alias: modelAliases.alias })
        .from(modelAliases)
        .where(inArray(modelAliases.versionId, ids))
        .orderBy(asc(modelAliases.alias))
    : [];
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((v) => ({
      ...v,
      aliases: aliases.filter((a) => a.versionId === v.id).map((a) => a.alias),
    })),
  };
}
