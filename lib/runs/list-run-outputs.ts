import "server-only";
import { desc, eq } from "drizzle-orm";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { deployments, environments, models, modelVersions, projects } from "@/lib/db/schema";

export type RunModelVersion = {
  id: string;
  modelId: string;
  modelName: string;
  version: number;
  status: (typeof modelVersions.$inferSelect)["status"];
  createdAt: Date;
};

export type RunDeployment = {
  id: string;
  status: (typeof deployments.$inferSelect)["status"];
  environmentSlug: string;
  environmentName: string;
  projectSlug: string;
  url: string | null;
  startedAt: Date;
  finishedAt: Date | null;
};

export type RunOutputs = { modelVersions: RunModelVersion[]; deployments: RunDeployment[] };

/**
 * What a run produced: model versions registered from it (model_versions.source_run_id) and
 * deployments it performed (deployments.run_id). Call after getRun, which checks the run's
 * project; both reads use the tables' run indexes and are capped.
 */
export async function listRunOutputs(ctx: ServiceContext, input: { runId: string }): Promise<RunOutputs> {
  assertCan(ctx.actor, "runs:read");
  const [versions, deploys] = await Promise.all([
    ctx.db
      .select({
        id: modelVersions.id,
        modelId: models.id,
        modelName: models.name,
        version: modelVersions.version,
        status: modelVersions.status,
        createdAt: modelVersions.createdAt,
      })
      .from(modelVersions)
      .innerJoin(models, eq(models.id, modelVersions.modelId))
      .where(eq(modelVersions.sourceRunId, input.runId))
      .orderBy(desc(modelVersions.createdAt))
      .limit(50),
    ctx.db
      .select({
        id: deployments.id,
        status: deployments.status,
        environmentSlug: environments.slug,
        environmentName: environments.name,
        projectSlug: projects.slug,
        url: deployments.url,
        startedAt: deployments.startedAt,
        finishedAt: deployments.finishedAt,
      })
      .from(deployments)
      .innerJoin(environments, eq(environments.id, deployments.environmentId))
      .innerJoin(projects, eq(projects.id, deployments.projectId))
      .where(eq(deployments.runId, input.runId))
      .orderBy(desc(deployments.startedAt))
      .limit(50),
  ]);
  return { modelVersions: versions, deployments: deploys };
}
