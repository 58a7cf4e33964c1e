import "server-only";
import { asc, count, desc, eq } from "drizzle-orm";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { environments, modelAliases, modelVersions, projects } from "@/lib/db/schema";
import { loadVisibleModel } from "./access";
import { type DeployedIn, deployedWhere } from "./deployed-where";

/** Newest versions listed on the model page; `versionCount` says how many exist. */
export const MODEL_VERSIONS_SHOWN = 1_000;

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
  /** Newest first, at most MODEL_VERSIONS_SHOWN. */
  versions: ModelVersionSummary[];
};

/**
 * A model with its versions (metrics, aliases, and where each runs now per environment).
 * Needs models:read; a model outside the actor's projects, or an id that is not a model
 * id, is a 404.
 */
export async function getModel(ctx: ServiceContext, input: { id: string }): Promise<ModelDetail> {
  assertCan(ctx.actor, "models:read");
  const model = await loadVisibleModel(ctx.db, ctx.actor, input.id);
  const [[project], envs, aliases, [total], versions, deployed] = await Promise.all([
    ctx.db
      .select({ id: projects.id, slug: projects.slug, name: projects.name })
      .from(projects)
      .where(eq(projects.id, model.projectId)),
    ctx.db
      .select({
        id: environments.id,
        slug: environments.slug,
        name: environments.name,
        position: environments.position,
        isProduction: environments.isProduction,
      })
      .from(environments)
      .where(eq(environments.projectId, model.projectId))
      .orderBy(asc(environments.position), asc(environments.name)),
    ctx.db
      .select({
        alias: modelAliases.alias,
        version: modelVersions.version,
        versionId: modelAliases.versionId,
        updatedAt: modelAliases.updatedAt,
      })
      .from(modelAliases)
      .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
      .where(eq(modelAliases.modelId, model.id))
      .orderBy(asc(modelAliases.alias)),
    ctx.db.select({ n: count() }).from(modelVersions).where(eq(modelVersions.modelId, model.id)),
    ctx.db
      .select({
        id: modelVersions.id,
        version: modelVersions.version,
        status: modelVersions.status,
        metrics: modelVersions.metrics,
        createdAt: modelVersions.createdAt,
      })
      .from(modelVersions)
      .where(eq(modelVersions.modelId, model.id))
      .orderBy(desc(modelVersions.version))
      .limit(MODEL_VERSIONS_SHOWN),
    deployedWhere(ctx.db, model.id),
  ]);
  const aliasesOf = new Map<string, string[]>();
  for (const a of aliases) aliasesOf.set(a.versionId, [...(aliasesOf.get(a.versionId) ?? []), a.alias]);
  const { projectId: _projectId, projectSlug: _projectSlug, ...fields } = model;
  return {
    ...fields,
    project: project!,
    environments: envs,
    aliases,
    versionCount: Number(total?.n ?? 0),
    versions: versions.map((v) => ({
      ...v,
      aliases: aliasesOf.get(v.id) ?? [],
      deployedIn: deployed.get(v.id) ?? [],
    })),
  };
}
