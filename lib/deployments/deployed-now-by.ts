import "server-only";
import { and, desc, eq, isNotNull, type SQL } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { deployments, environments } from "@/lib/db/schema";

/** One environment something runs in now, and the deployment that put it there. */
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
 * What runs where now, keyed by `subject` (a release or a model version id): per environment,
 * the latest succeeded deployment among those `scope` admits decides what is there, so a failed
 * attempt, or a deployment outside the scope, does not displace it. Releases and model versions
 * answer "where does this run" with this one rule; each list is in environment order.
 */
export async function deployedNowBy(
  db: Executor,
  subject: typeof deployments.releaseId | typeof deployments.modelVersionId,
  scope: SQL | undefined,
): Promise<Map<string, DeployedIn[]>> {
  const rows = await db
    .selectDistinctOn([deployments.environmentId], {
      subjectId: subject,
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
    .where(and(scope, eq(deployments.status, "succeeded"), isNotNull(subject)))
    .orderBy(deployments.environmentId, desc(deployments.startedAt), desc(deployments.id));
  const bySubject = new Map<string, DeployedIn[]>();
  for (const { subjectId, ...where } of rows.sort((a, b) => a.position - b.position)) {
    if (subjectId === null) continue; // ruled out by isNotNull above; narrows the type
    bySubject.set(subjectId, [...(bySubject.get(subjectId) ?? []), where]);
  }
  return bySubject;
}
