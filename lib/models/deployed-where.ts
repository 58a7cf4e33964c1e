import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { deployments, modelVersions } from "@/lib/db/schema";
import { type DeployedIn, deployedNowBy } from "@/lib/deployments/deployed-now-by";

export type { DeployedIn };

/**
 * Where each version of a model runs now: per environment, the latest succeeded deployment
 * of any version of this model decides which version is there (deploying another model, or a
 * failed attempt, does not displace it). Keyed by version id.
 */
export async function deployedWhere(db: Executor, modelId: string): Promise<Map<string, DeployedIn[]>> {
  const versionsOfModel = db
    .select({ id: modelVersions.id })
    .from(modelVersions)
    .where(eq(modelVersions.modelId, modelId));
  return deployedNowBy(db, deployments.modelVersionId, inArray(deployments.modelVersionId, versionsOfModel));
}
