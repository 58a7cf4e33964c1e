import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { deployments, environments, modelVersions } from "@/lib/db/schema";

export type DeployedIn = {
  environmentId: string;
  environmentSlug: string;
  environmentName: string;
  position: number;
  isProduction: boolean;
  deploymentId: string;
  deployedAt: Date;
};

/**
 * Where each version of a model runs now: per environment, the latest succeeded deployment
 * of any version of this model decides which version is there (deploying another model, or a
 * failed attempt, does not displace it). Keyed by version id.
 */
export async function deployedWhere(db: Executor, modelId: string): Promise<Map<string, DeployedIn[]>> {
  const rows = await db
    .selectDistinctOn([deployments.environmentId], {
      versionId: modelVersions.id,
      environmentId: environments.id,
      environmentSlug: environments.slug,
      environmentName: environments.name,
      position: environments.position,
      isProduction: environments.isProduction,
      deploymentId: deployments.id,
      deployedAt: deployments.startedAt,
    })
    .from(deployments)
    .innerJoin(modelVersions, eq(modelVersions.id, deployments.modelVersionId))
    .innerJoin(environments, eq(environments.id, deployments.environmentId))
    .where(and(eq(modelVersions.modelId, modelId), eq(deployments.status, "succeeded")))
    .orderBy(deployments.environmentId, desc(deployments.startedAt), desc(deployments.id));
  const byVersion = new Map<string, DeployedIn[]>();
  for (const { versionId, ...where } of rows.sort((a, b) => a.position - b.position)) {
    byVersion.set(versionId, [...(byVersion.get(versionId) ?? []), where]);
  }
  return byVersion;
}
