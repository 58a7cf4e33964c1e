import "server-only";
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { AppError, parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import {
  environments,
  modelAliases,
  modelVersions,
  pipelines,
  promotionRequests,
  users,
} from "@/lib/db/schema";
import type { PromotionStatus } from "@/lib/db/schema/enums";
import { loadVisibleModel } from "./access";
import { commitUrl } from "./commit-url";
import { deployedWhere } from "./deployed-where";
import { type HistoryPoint, readHistoryLines, toHistoryPoint } from "./history-lines";
import { loadVersionDetail, type ModelVersionDetail } from "./load-version-detail";

/** Promotion requests listed on the page, newest first; the approvals list has the rest. */
export const VERSION_PROMOTIONS_SHOWN = 25;

const input = z.object({
  modelId: z.string().min(1).max(100),
  /** The version number as it appears in the URL. */
  version: z.union([
    z.number().int().min(1).max(2_147_483_647),
    z
      .string()
      .regex(/^[1-9]\d{0,8}$/, "A version number is a positive whole number.")
      .transform(Number),
  ]),
});
export type VersionPageInput = z.input<typeof input>;

export type VersionPromotion = {
  id: string;
  environmentId: string;
  environmentName: string;
  status: PromotionStatus;
  emergency: boolean;
  isRollback: boolean;
  requestedBy: string;
  createdAt: Date;
  decidedAt: Date | null;
  expiresAt: Date;
  deploymentId: string | null;
};

/** One environment of the project and what of this model runs there now. */
export type VersionEnvironment = {
  id: string;
  slug: string;
  name: string;
  isProduction: boolean;
  /** This version runs here now, since this moment; null when it does not. */
  since: Date | null;
  /** Another version of this model runs here instead (null when none, or this one). */
  otherVersion: number | null;
};

export type VersionPage = {
  model: {
    id: string;
    name: string;
    projectId: string;
    projectSlug: string;
    primaryMetric: string | null;
    primaryMetricDirection: "higher" | "lower";
  };
  version: ModelVersionDetail;
  /** The commit's page at the provider, when the training run's link makes it derivable. */
  commitUrl: string | null;
  promotions: VersionPromotion[];
  /** More requests exist than are listed. */
  promotionsMore: boolean;
  environments: VersionEnvironment[];
  /** The version the (first) production environment runs now, possibly this one. */
  production: { version: number; metrics: Record<string, number> } | null;
  /** The version "Compare with…" pairs this one with, and why it was chosen. */
  compareWith: { version: number; reason: "production" | "champion" | "neighbour" } | null;
  /** Metric history per key, at most 1,000 points a line (peaks kept), sorted by key. */
  history: { key: string; total: number; points: HistoryPoint[] }[];
};

/**
 * Everything the model version page shows: the version with lineage and deployments, its
 * promotion requests, where it runs per environment, what production runs, and its metric
 * history. Needs models:read; an unknown model or version, or a model outside the actor's
 * projects, is a 404.
 */
export async function loadVersionPage(ctx: ServiceContext, raw: VersionPageInput): Promise<VersionPage> {
  assertCan(ctx.actor, "models:read");
  const { modelId, version: number } = parseInput(input, raw);
  const model = await loadVisibleModel(ctx.db, ctx.actor, modelId);
  const [row] = await ctx.db
    .select({ id: modelVersions.id })
    .from(modelVersions)
    .where(and(eq(modelVersions.modelId, model.id), eq(modelVersions.version, number)))
    .limit(1);
  const version = row ? await loadVersionDetail(ctx.db, row.id) : null;
  if (!version) throw new AppError("not_found", `${model.name} has no version ${number}.`);

  const run = version.lineage.sourceRun;
  const [promotionRows, envs, deployed, history, repository, champion] = await Promise.all([
    ctx.db
      .select({
        id: promotionRequests.id,
        environmentId: environments.id,
        environmentName: environments.name,
        status: promotionRequests.status,
        emergency: promotionRequests.emergency,
        rollbackOf: promotionRequests.rollbackOfDeploymentId,
        requestedBy: users.name,
        createdAt: promotionRequests.createdAt,
        decidedAt: promotionRequests.decidedAt,
        expiresAt: promotionRequests.expiresAt,
        deploymentId: promotionRequests.deploymentId,
      })
      .from(promotionRequests)
      .innerJoin(environments, eq(environments.id, promotionRequests.environmentId))
      .innerJoin(users, eq(users.id, promotionRequests.requestedByUserId))
      .where(eq(promotionRequests.modelVersionId, version.id))
      .orderBy(desc(promotionRequests.createdAt), desc(promotionRequests.id))
      .limit(VERSION_PROMOTIONS_SHOWN + 1),
    ctx.db
      .select({
        id: environments.id,
        slug: environments.slug,
        name: environments.name,
        isProduction: environments.isProduction,
      })
      .from(environments)
      .where(eq(environments.projectId, model.projectId))
      .orderBy(asc(environments.position), asc(environments.name)),
    deployedWhere(ctx.db, model.id),
    readHistoryLines(ctx.db, [version.id]),
    // Azure DevOps commit links need the repository name, which only the pipeline holds.
    run?.provider === "azure_devops"
      ? ctx.db
          .select({ repository: pipelines.repository })
          .from(pipelines)
          .where(eq(pipelines.id, run.pipeline.id))
          .then((rows) => rows[0]?.repository ?? null)
      : Promise.resolve(null),
    ctx.db
      .select({ version: modelVersions.version })
      .from(modelAliases)
      .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
      .where(and(eq(modelAliases.modelId, model.id), eq(modelAliases.alias, "champion")))
      .then((rows) => rows[0]?.version ?? null),
  ]);

  // Which version runs where: one small read for the (at most one per environment) others.
  const where = new Map<string, { versionId: string; since: Date }>();
  for (const [versionId, places] of deployed) {
    for (const p of places) where.set(p.environmentId, { versionId, since: p.deployedAt });
  }
  const otherIds = [...new Set([...where.values()].map((w) => w.versionId))];
  const others =
    otherIds.length === 0
      ? []
      : await ctx.db
          .select({ id: modelVersions.id, version: modelVersions.version, metrics: modelVersions.metrics })
          .from(modelVersions)
          .where(inArray(modelVersions.id, otherIds));
  const byId = new Map(others.map((o) => [o.id, o]));
  const environmentStates: VersionEnvironment[] = envs.map((env) => {
    const here = where.get(env.id);
    const mine = here?.versionId === version.id;
    return {
      ...env,
      since: mine ? here.since : null,
      otherVersion: here && !mine ? (byId.get(here.versionId)?.version ?? null) : null,
    };
  });
  const productionEnv = envs.find((e) => e.isProduction && where.has(e.id));
  const productionRow = productionEnv ? byId.get(where.get(productionEnv.id)!.versionId) : undefined;
  const production = productionRow
    ? { version: productionRow.version, metrics: productionRow.metrics }
    : null;

  return {
    model: {
      id: model.id,
      name: model.name,
      projectId: model.projectId,
      projectSlug: model.projectSlug,
      primaryMetric: model.primaryMetric,
      primaryMetricDirection: model.primaryMetricDirection,
    },
    version,
    commitUrl: run
      ? commitUrl({ sha: version.lineage.commitSha, provider: run.provider, runUrl: run.url, repository })
      : null,
    promotions: promotionRows.slice(0, VERSION_PROMOTIONS_SHOWN).map(({ rollbackOf, ...p }) => ({
      ...p,
      isRollback: rollbackOf !== null,
    })),
    promotionsMore: promotionRows.length > VERSION_PROMOTIONS_SHOWN,
    environments: environmentStates,
    production,
    compareWith: await pickCompareWith(ctx, model.id, version.version, production?.version ?? null, champion),
    history: history
      .map(({ key, total, points }) => ({ key, total, points: points.map(toHistoryPoint) }))
      .sort((a, b) => a.key.localeCompare(b.key)),
  };
}

/**
 * Production when it runs another version, else the champion, else the nearest version
 * (an older one before a newer one); null when the model has no other version.
 */
async function pickCompareWith(
  ctx: ServiceContext,
  modelId: string,
  version: number,
  production: number | null,
  champion: number | null,
): Promise<VersionPage["compareWith"]> {
  if (production !== null && production !== version) return { version: production, reason: "production" };
  if (champion !== null && champion !== version) return { version: champion, reason: "champion" };
  const [nearest] = await ctx.db
    .select({ version: modelVersions.version })
    .from(modelVersions)
    .where(and(eq(modelVersions.modelId, modelId), ne(modelVersions.version, version)))
    .orderBy(
      sql`case when ${modelVersions.version} < ${version} then 0 else 1 end`,
      sql`abs(${modelVersions.version} - ${version})`,
    )
    .limit(1);
  return nearest ? { version: nearest.version, reason: "neighbour" } : null;
}
