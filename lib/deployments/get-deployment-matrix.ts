import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { deployments, environments, models, modelVersions, projects, releases } from "@/lib/db/schema";
import type { DeploymentStatus } from "@/lib/db/schema/enums";
import { subjectLabel } from "@/lib/deployments/subject-label";

export type DeployedThing = {
  deploymentId: string;
  status: DeploymentStatus;
  label: string;
  startedAt: Date;
  actor: string | null;
  isRollback: boolean;
};

export type MatrixCell = {
  environmentId: string;
  environmentSlug: string;
  environmentName: string;
  position: number;
  /** What runs there now: the latest successful deployment. */
  current: DeployedThing | null;
  /** The latest attempt, when it is newer than `current` (e.g. a failed deploy). */
  latestAttempt: DeployedThing | null;
};

export type MatrixRow = { projectId: string; projectSlug: string; projectName: string; cells: MatrixCell[] };

/** Environment × project: what is deployed where now, and whether the last attempt failed. */
export async function getDeploymentMatrix(
  ctx: ServiceContext,
  input: { projectIds: string[] | null },
): Promise<{ environments: string[]; rows: MatrixRow[] }> {
  assertCan(ctx.actor, "deployments:read");
  const scope = input.projectIds ? inArray(environments.projectId, input.projectIds) : undefined;
  const envRows = await ctx.db
    .select({
      id: environments.id,
      slug: environments.slug,
      name: environments.name,
      position: environments.position,
      projectId: projects.id,
      projectSlug: projects.slug,
      projectName: projects.name,
    })
    .from(environments)
    .innerJoin(projects, eq(projects.id, environments.projectId))
    .where(scope)
    .orderBy(asc(projects.name), asc(environments.position));

  const latest = (onlySucceeded: boolean) =>
    ctx.db
      .selectDistinctOn([deployments.environmentId], {
        environmentId: deployments.environmentId,
        deploymentId: deployments.id,
        status: deployments.status,
        label: subjectLabel,
        startedAt: deployments.startedAt,
        actor: deployments.actor,
        isRollback: deployments.isRollback,
      })
      .from(deployments)
      .leftJoin(releases, eq(releases.id, deployments.releaseId))
      .leftJoin(modelVersions, eq(modelVersions.id, deployments.modelVersionId))
      .leftJoin(models, eq(models.id, modelVersions.modelId))
      .where(
        and(
          input.projectIds ? inArray(deployments.projectId, input.projectIds) : undefined,
          onlySucceeded ? eq(deployments.status, "succeeded") : undefined,
        ),
      )
      .orderBy(deployments.environmentId, desc(deployments.startedAt));
  const [currentRows, attemptRows] = await Promise.all([latest(true), latest(false)]);
  const current = new Map(currentRows.map((r) => [r.environmentId, r]));
  const attempts = new Map(attemptRows.map((r) => [r.environmentId, r]));

  const rows = new Map<string, MatrixRow>();
  for (const env of envRows) {
    const row = rows.get(env.projectId) ?? {
      projectId: env.projectId,
      projectSlug: env.projectSlug,
      projectName: env.projectName,
      cells: [],
    };
    const now = current.get(env.id) ?? null;
    const attempt = attempts.get(env.id) ?? null;
    row.cells.push({
      environmentId: env.id,
      environmentSlug: env.slug,
      environmentName: env.name,
      position: env.position,
      current: now,
      latestAttempt: attempt && attempt.deploymentId !== now?.deploymentId ? attempt : null,
    });
    rows.set(env.projectId, row);
  }
  const names = [...new Set(envRows.sort((a, b) => a.position - b.position).map((e) => e.name))];
  return { environments: names, rows: [...rows.values()] };
}
