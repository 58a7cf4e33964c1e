import "server-only";
import { and, inArray, isNull } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { deployments } from "@/lib/db/schema";
import { type DeployedIn, deployedNowBy } from "@/lib/deployments/deployed-now-by";

export type ReleaseDeployedIn = DeployedIn;

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
  if (projectIds && projectIds.length === 0) return new Map();
  return deployedNowBy(
    db,
    deployments.releaseId,
    and(
      projectIds ? inArray(deployments.projectId, [...projectIds]) : undefined,
      isNull(deployments.modelVersionId),
    ),
  );
}
