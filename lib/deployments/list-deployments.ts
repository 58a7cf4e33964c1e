import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { afterCursor, decodeCursor, type Page, toPage } from "@/lib/db/keyset";
import { deployments, environments, models, modelVersions, projects, releases, users } from "@/lib/db/schema";
import { type DeploymentStatus, deploymentStatusEnum } from "@/lib/db/schema/enums";
import { subjectLabel } from "@/lib/deployments/subject-label";
import { withinActorScope } from "@/lib/projects/within-actor-scope";

export const listDeploymentsInput = z.object({
  projectIds: z.array(z.string()).nullable().default(null),
  environment: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
    .optional(),
  status: z.enum(deploymentStatusEnum.enumValues).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
});
export type ListDeploymentsInput = z.input<typeof listDeploymentsInput>;

export type DeploymentListItem = {
  id: string;
  projectSlug: string;
  projectName: string;
  environmentSlug: string;
  environmentName: string;
  /** The release version, or "model-name vN" for a model deployment. */
  label: string;
  status: DeploymentStatus;
  isRollback: boolean;
  /** Who deployed: the provider's actor, else the Tandem user; null when unknown. */
  actor: string | null;
  url: string | null;
  startedAt: Date;
  finishedAt: Date | null;
};

/** Deployment history across environments, newest first, one keyset page at a time. */
export async function listDeployments(
  ctx: ServiceContext,
  rawInput: ListDeploymentsInput,
): Promise<Page<DeploymentListItem>> {
  assertCan(ctx.actor, "deployments:read");
  const input = parseInput(listDeploymentsInput, rawInput);
  const cursor = decodeCursor(input.cursor);
  const projectIds = withinActorScope(ctx.actor, input.projectIds);
  const rows = await ctx.db
    .select({
      id: deployments.id,
      projectSlug: projects.slug,
      projectName: projects.name,
      environmentSlug: environments.slug,
      environmentName: environments.name,
      label: subjectLabel,
      status: deployments.status,
      isRollback: deployments.isRollback,
      actor: sql<string | null>`coalesce(${deployments.actor}, ${users.name})`,
      url: deployments.url,
      startedAt: deployments.startedAt,
      finishedAt: deployments.finishedAt,
    })
    .from(deployments)
    .innerJoin(projects, eq(projects.id, deployments.projectId))
    .innerJoin(environments, eq(environments.id, deployments.environmentId))
    .leftJoin(releases, eq(releases.id, deployments.releaseId))
    .leftJoin(modelVersions, eq(modelVersions.id, deployments.modelVersionId))
    .leftJoin(models, eq(models.id, modelVersions.modelId))
    .leftJoin(users, eq(users.id, deployments.deployedByUserId))
    .where(
      and(
        projectIds ? inArray(deployments.projectId, projectIds) : undefined,
        input.environment ? eq(environments.slug, input.environment) : undefined,
        input.status ? eq(deployments.status, input.status) : undefined,
        afterCursor(deployments.startedAt, deployments.id, cursor),
      ),
    )
    .orderBy(desc(deployments.startedAt), desc(deployments.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (row) => ({ at: row.startedAt, id: row.id }));
}
