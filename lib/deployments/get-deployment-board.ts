import "server-only";
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import { parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import {
  alerts,
  deployments,
  environments,
  models,
  modelVersions,
  projects,
  releases,
  users,
} from "@/lib/db/schema";
import type { DeploymentStatus } from "@/lib/db/schema/enums";
import { subjectLabel } from "@/lib/deployments/subject-label";
import { withinActorScope } from "@/lib/projects/within-actor-scope";

export const getDeploymentBoardInput = z.object({
  projectIds: z.array(z.string()).nullable().default(null),
  /** Answer for this instant instead of now. */
  at: z.coerce.date().nullable().default(null),
});
export type GetDeploymentBoardInput = z.input<typeof getDeploymentBoardInput>;

export type BoardDeployment = {
  deploymentId: string;
  kind: "release" | "model";
  releaseId: string | null;
  modelVersionId: string | null;
  label: string;
  status: DeploymentStatus;
  isRollback: boolean;
  startedAt: Date;
  /** The provider's actor, else the Tandem user who deployed. */
  actor: string | null;
};

export type BoardCell = {
  environmentId: string;
  slug: string;
  name: string;
  position: number;
  isProduction: boolean;
  /** What ran there at the instant: the release and each model's version, latest succeeded. */
  running: BoardDeployment[];
  /** The latest deployment of any outcome up to the instant (it may have failed). */
  lastDeployment: BoardDeployment | null;
  firingAlerts: number;
  /** Where what runs here would be promoted to, in the project's order. */
  next: { id: string; slug: string; name: string } | null;
};

export type BoardProject = { id: string; slug: string; name: string; environments: BoardCell[] };
export type DeploymentBoard = { at: Date | null; projects: BoardProject[] };

const deploymentFields = {
  environmentId: deployments.environmentId,
  deploymentId: deployments.id,
  releaseId: deployments.releaseId,
  modelVersionId: deployments.modelVersionId,
  label: subjectLabel,
  status: deployments.status,
  isRollback: deployments.isRollback,
  startedAt: deployments.startedAt,
  actor: sql<string | null>`coalesce(${deployments.actor}, ${users.name})`,
};

/**
 * One board per project: environments in promotion order, what runs in each (or ran at
 * `at`: the latest succeeded deployment started at or before it, per release and per model;
 * rollbacks are deployments and count), the last attempt, and the alerts firing there.
 */
export async function getDeploymentBoard(
  ctx: ServiceContext,
  rawInput: GetDeploymentBoardInput,
): Promise<DeploymentBoard> {
  assertCan(ctx.actor, "deployments:read");
  const input = parseInput(getDeploymentBoardInput, rawInput);
  const projectIds = withinActorScope(ctx.actor, input.projectIds);
  if (projectIds?.length === 0) return { at: input.at, projects: [] };
  const at = input.at;

  const envRows = await ctx.db
    .select({
      id: environments.id,
      slug: environments.slug,
      name: environments.name,
      position: environments.position,
      isProduction: environments.isProduction,
      projectId: projects.id,
      projectSlug: projects.slug,
      projectName: projects.name,
    })
    .from(environments)
    .innerJoin(projects, eq(projects.id, environments.projectId))
    .where(projectIds ? inArray(environments.projectId, projectIds) : undefined)
    .orderBy(asc(projects.name), asc(environments.position), asc(environments.id));
  if (envRows.length === 0) return { at, projects: [] };
  const envIds = envRows.map((e) => e.id);

  const inScope = and(
    inArray(deployments.environmentId, envIds),
    at ? lte(deployments.startedAt, at) : undefined,
  );
  // One row per environment and thing: the release, or each model (not each version).
  const thing = sql`coalesce(${modelVersions.modelId}::text, '')`;
  const base = (onlySucceeded: boolean) =>
    ctx.db
      .selectDistinctOn(
        onlySucceeded ? [deployments.environmentId, thing] : [deployments.environmentId],
        deploymentFields,
      )
      .from(deployments)
      .leftJoin(releases, eq(releases.id, deployments.releaseId))
      .leftJoin(modelVersions, eq(modelVersions.id, deployments.modelVersionId))
      .leftJoin(models, eq(models.id, modelVersions.modelId))
      .leftJoin(users, eq(users.id, deployments.deployedByUserId))
      .where(and(inScope, onlySucceeded ? eq(deployments.status, "succeeded") : undefined));
  const firing = at
    ? and(
        isNotNull(alerts.firedAt),
        lte(alerts.firedAt, at),
        or(isNull(alerts.resolvedAt), sql`${alerts.resolvedAt} > ${at}`),
      )
    : eq(alerts.state, "firing");
  const [runningRows, lastRows, alertRows] = await Promise.all([
    base(true).orderBy(deployments.environmentId, thing, desc(deployments.startedAt), desc(deployments.id)),
    base(false).orderBy(deployments.environmentId, desc(deployments.startedAt), desc(deployments.id)),
    ctx.db
      .select({ environmentId: alerts.environmentId, n: count() })
      .from(alerts)
      .where(and(inArray(alerts.environmentId, envIds), firing))
      .groupBy(alerts.environmentId),
  ]);

  const toThing = ({ environmentId: _e, ...r }: (typeof runningRows)[number]): BoardDeployment => ({
    ...r,
    kind: r.modelVersionId ? "model" : "release",
  });
  const running = new Map<string, BoardDeployment[]>();
  for (const row of runningRows) {
    const list = running.get(row.environmentId) ?? [];
    list.push(toThing(row));
    running.set(row.environmentId, list);
  }
  const last = new Map(lastRows.map((r) => [r.environmentId, toThing(r)]));
  const firingCount = new Map(alertRows.map((r) => [r.environmentId, Number(r.n)]));

  const boards = new Map<string, BoardProject>();
  for (const env of envRows) {
    const board = boards.get(env.projectId) ?? {
      id: env.projectId,
      slug: env.projectSlug,
      name: env.projectName,
      environments: [],
    };
    const things = (running.get(env.id) ?? []).sort((a, b) =>
      a.kind === b.kind ? a.label.localeCompare(b.label) : a.kind === "release" ? -1 : 1,
    );
    board.environments.push({
      environmentId: env.id,
      slug: env.slug,
      name: env.name,
      position: env.position,
      isProduction: env.isProduction,
      running: things,
      lastDeployment: last.get(env.id) ?? null,
      firingAlerts: firingCount.get(env.id) ?? 0,
      next: null,
    });
    boards.set(env.projectId, board);
  }
  for (const board of boards.values()) {
    board.environments.forEach((cell, i) => {
      const next = board.environments[i + 1];
      cell.next = next ? { id: next.environmentId, slug: next.slug, name: next.name } : null;
    });
  }
  return { at, projects: [...boards.values()] };
}
