import "server-only";
import { asc, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { parseInput } from "@/lib/api/errors";
import { assertCan, can } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import {
  deployments,
  environments,
  models,
  modelVersions,
  pipelineRuns,
  pipelines,
  promotionRequests,
  releaseModelVersions,
  releases,
  users,
} from "@/lib/db/schema";
import type { DeploymentStatus, PromotionStatus, RunStatus } from "@/lib/db/schema/enums";
import type { CommitsBetween } from "@/lib/gates/commits-between";
import { listReleaseCommits } from "@/lib/gates/list-release-commits";
import { loadVisibleRelease } from "./access";
import { releasesDeployedNow } from "./deployed-now";

const input = z.object({ id: z.string().max(100) });

/** Deployments of one release shown at most; a release rarely goes out more often. */
const DEPLOYMENT_LIMIT = 200;
const REQUEST_LIMIT = 100;

export type ReleaseDetail = Awaited<ReturnType<typeof getRelease>>;

export type ReleaseDeploymentItem = {
  id: string;
  status: DeploymentStatus;
  isRollback: boolean;
  actor: string | null;
  url: string | null;
  promotionRequestId: string | null;
  startedAt: Date;
  finishedAt: Date | null;
};

/**
 * One release with everything a person deciding on it needs: its build run, its model
 * versions (with their primary metric), per environment of the project what runs there now
 * and this release's deployments there, its promotion requests, and the commits it adds to
 * what runs in production (null when either build is unknown, or without promotions:read).
 */
export async function getRelease(ctx: ServiceContext, rawInput: { id: string }) {
  assertCan(ctx.actor, "deployments:read");
  const { id } = parseInput(input, rawInput);
  const release = await loadVisibleRelease(ctx.db, ctx.actor, id);

  const [buildRun] = release.buildRunId
    ? await ctx.db
        .select({
          id: pipelineRuns.id,
          pipelineName: pipelines.name,
          runNumber: pipelineRuns.runNumber,
          status: pipelineRuns.status,
          branch: pipelineRuns.branch,
          commitSha: pipelineRuns.commitSha,
          title: pipelineRuns.title,
          url: pipelineRuns.url,
          queuedAt: pipelineRuns.queuedAt,
        })
        .from(pipelineRuns)
        .innerJoin(pipelines, eq(pipelines.id, pipelineRuns.pipelineId))
        .where(eq(pipelineRuns.id, release.buildRunId))
    : [];

  const versionRows = await ctx.db
    .select({
      id: modelVersions.id,
      modelId: models.id,
      modelName: models.name,
      version: modelVersions.version,
      status: modelVersions.status,
      metrics: modelVersions.metrics,
      primaryMetric: models.primaryMetric,
      primaryMetricDirection: models.primaryMetricDirection,
    })
    .from(releaseModelVersions)
    .innerJoin(modelVersions, eq(modelVersions.id, releaseModelVersions.modelVersionId))
    .innerJoin(models, eq(models.id, modelVersions.modelId))
    .where(eq(releaseModelVersions.releaseId, release.id))
    .orderBy(asc(models.name), asc(modelVersions.version));
  const modelVersionItems = versionRows.map(({ metrics, ...v }) => {
    const value = v.primaryMetric ? metrics[v.primaryMetric] : undefined;
    return { ...v, primaryMetricValue: typeof value === "number" ? value : null };
  });

  const envs = await ctx.db
    .select({
      id: environments.id,
      slug: environments.slug,
      name: environments.name,
      position: environments.position,
      isProduction: environments.isProduction,
    })
    .from(environments)
    .where(eq(environments.projectId, release.projectId))
    .orderBy(asc(environments.position));
  const deployedNow = await releasesDeployedNow(ctx.db, [release.projectId]);
  const currentByEnv = new Map<string, { releaseId: string; deployedAt: Date }>();
  for (const [releaseId, where] of deployedNow) {
    for (const w of where) currentByEnv.set(w.environmentId, { releaseId, deployedAt: w.deployedAt });
  }
  const currentIds = [...new Set([...currentByEnv.values()].map((c) => c.releaseId))];
  const versionOf = new Map(
    currentIds.length === 0
      ? []
      : (
          await ctx.db
            .select({ id: releases.id, version: releases.version, createdAt: releases.createdAt })
            .from(releases)
            .where(inArray(releases.id, currentIds))
        ).map((r) => [r.id, r]),
  );

  const history = await ctx.db
    .select({
      id: deployments.id,
      environmentId: deployments.environmentId,
      status: deployments.status,
      isRollback: deployments.isRollback,
      actor: deployments.actor,
      userName: users.name,
      url: deployments.url,
      promotionRequestId: deployments.promotionRequestId,
      startedAt: deployments.startedAt,
      finishedAt: deployments.finishedAt,
    })
    .from(deployments)
    .leftJoin(users, eq(users.id, deployments.deployedByUserId))
    .where(eq(deployments.releaseId, release.id))
    .orderBy(desc(deployments.startedAt), desc(deployments.id))
    .limit(DEPLOYMENT_LIMIT);

  const environmentItems = envs.map((env) => {
    const current = currentByEnv.get(env.id);
    return {
      ...env,
      runsHere: current?.releaseId === release.id,
      current: current
        ? {
            releaseId: current.releaseId,
            version: versionOf.get(current.releaseId)?.version ?? "?",
            deployedAt: current.deployedAt,
          }
        : null,
      deployments: history
        .filter((d) => d.environmentId === env.id)
        .map(
          ({ environmentId: _, userName, actor, ...d }): ReleaseDeploymentItem => ({
            ...d,
            actor: userName ?? actor,
          }),
        ),
    };
  });

  const requests = await ctx.db
    .select({
      id: promotionRequests.id,
      environmentId: promotionRequests.environmentId,
      environmentName: environments.name,
      status: promotionRequests.status,
      reason: promotionRequests.reason,
      emergency: promotionRequests.emergency,
      isRollback: promotionRequests.rollbackOfDeploymentId,
      requestedBy: users.name,
      createdAt: promotionRequests.createdAt,
      expiresAt: promotionRequests.expiresAt,
    })
    .from(promotionRequests)
    .innerJoin(environments, eq(environments.id, promotionRequests.environmentId))
    .innerJoin(users, eq(users.id, promotionRequests.requestedByUserId))
    .where(eq(promotionRequests.releaseId, release.id))
    .orderBy(desc(promotionRequests.createdAt), desc(promotionRequests.id))
    .limit(REQUEST_LIMIT);

  const production = envs.findLast((e) => e.isProduction) ?? null;
  const inProduction = production ? currentByEnv.get(production.id) : undefined;
  let commitsSinceProduction: CommitsBetween | null = null;
  if (inProduction && inProduction.releaseId !== release.id && can(ctx.actor, "promotions:read")) {
    commitsSinceProduction = await listReleaseCommits(ctx, {
      candidateReleaseId: release.id,
      currentReleaseId: inProduction.releaseId,
    });
  }

  return {
    id: release.id,
    projectId: release.projectId,
    projectSlug: release.projectSlug,
    projectName: release.projectName,
    version: release.version,
    commitSha: release.commitSha,
    artifactUri: release.artifactUri,
    createdBy: release.createdBy,
    createdAt: release.createdAt,
    buildRun: buildRun ? { ...buildRun, status: buildRun.status as RunStatus } : null,
    modelVersions: modelVersionItems,
    environments: environmentItems,
    promotionRequests: requests.map(({ isRollback, ...r }) => ({
      ...r,
      status: r.status as PromotionStatus,
      isRollback: isRollback !== null,
    })),
    production: production
      ? {
          environmentId: production.id,
          name: production.name,
          releaseId: inProduction?.releaseId ?? null,
          version: inProduction ? (versionOf.get(inProduction.releaseId)?.version ?? null) : null,
          /** Production runs a newer release than this one: promoting this would go back. */
          isNewer: inProduction
            ? (versionOf.get(inProduction.releaseId)?.createdAt ?? release.createdAt) > release.createdAt
            : false,
        }
      : null,
    commitsSinceProduction,
  };
}
