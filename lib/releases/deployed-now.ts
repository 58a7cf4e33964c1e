import "server-only";
import { and, desc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { deployments, environments } from "@/lib/db/schema";

export type ReleaseDeployedIn = {
  environmentId: string;
  environmentSlug: string;
  environmentName: string;
  position: number;
  isProduction: boolean;
  deploymentId: string;
  deployedAt: Date;
};

/**
 * Where releases run now, keyed by release id: per environment, the latest succeeded
 * software deployment (a release without a model version, as on the deployments board)
 * decides which release is there; a failed attempt or a model deployment does not displace
 * it. Limited to the given projects (null: every project).
 */
export async function releasesDeployedNow(
  db: Executor,
  projectIds: readonly string[] | null,
): Promise<Map<string, ReleaseDeployedIn[]>> {
  const byRelease = new Map<string, ReleaseDeployedIn[]>();
  if (projectIds && projectIds.length === 0) return byRelease;
  const rows = await db
    .selectDistinctOn([deployments.environmentId], {
      releaseId: deployments.releaseId,
      environmentId: environments.id,
      environmentSlug: environments.slug,
      environmentName: environments.name,
      position: environments.position,
      isProduction: environments.isProduction,
      deploymentId: deployments.id,
      deployedAt: deployments.startedAt,
    })
    .from(deployments)
    .innerJoin(environments, eq(environments.id, deployments.environmentId))
    .where(
      and(
        projectIds ? inArray(deployments.projectId, [...projectIds]) : undefined,
        eq(deployments.status, "succeeded"),
        isNotNull(deployments.releaseId),
        isNull(deployments.modelVersionId),
      ),
    )
    .orderBy(deployments.environmentId, desc(deployments.startedAt), desc(deployments.id));
  for (const { releaseId, ...where } of rows.sort((a, b) => a.position - b.position)) {
    byRelease.set(releaseId!, [...(byRelease.get(releaseId!) ?? []), where]);
  }
  return byRelease;
}
