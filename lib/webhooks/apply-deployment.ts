import "server-only";
import { and, desc, eq, gte, sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { deployments, environments, pipelineJobs, pipelineRuns, releases } from "@/lib/db/schema";
import { afterDeploymentEvent, findRunStartedDeployment } from "@/lib/deployments/apply-deployment-event";
import type { CiProvider, DeploymentDraft, DeploymentStatus } from "@/lib/providers/shared/types";
import { lockProviderObject } from "./lock";

type Scope = { tx: Transaction; projectId: string; connectionId: string; provider: CiProvider };
export type DeploymentResult = {
  outcome: "processed" | "ignored";
  note: string | null;
  deploymentId?: string;
};

const RANK: Record<DeploymentStatus, number> = {
  queued: 0,
  in_progress: 1,
  succeeded: 2,
  failed: 2,
  cancelled: 2,
};
// How far back a deployment's run is looked for: bounds the lookup to recent runs of the project.
const RUN_WINDOW_MS = 7 * 24 * 3600_000;

/**
 * Records a provider deployment in the Tandem environment its name matches (slug or name,
 * case-insensitive) as a deployment of the release named after its commit. One row per
 * provider deployment id; a state never moves backwards (queued → in progress → finished).
 */
export async function applyDeployment(scope: Scope, draft: DeploymentDraft): Promise<DeploymentResult> {
  const { tx, projectId } = scope;
  const environment = await findEnvironment(tx, projectId, draft.environments);
  if (!environment) {
    return {
      outcome: "ignored",
      note: `no environment named "${draft.environments[0]}" in the mapped project`,
    };
  }
  await lockProviderObject(tx, `${scope.connectionId}:deployment:${draft.externalId}`);
  const [byId] = await tx
    .select()
    .from(deployments)
    .where(and(eq(deployments.projectId, projectId), eq(deployments.externalId, draft.externalId)))
    .limit(1);
  // A deployment Tandem started as a run (workflow_dispatch) is reported by the run performing it.
  const by = draft.performedBy;
  const existing =
    byId ??
    (by && "runExternalId" in by
      ? await findRunStartedDeployment(tx, {
          projectId,
          environmentId: environment,
          provider: scope.provider,
          runExternalId: by.runExternalId,
        })
      : null);
  const runId = draft.performedBy ? await findRun(scope, draft) : null;
  if (!existing) {
    const releaseId = await releaseFor(tx, projectId, draft);
    const [row] = await tx
      .insert(deployments)
      .values({
        projectId,
        environmentId: environment,
        releaseId,
        runId,
        status: draft.status,
        actor: draft.actor ?? null,
        description: draft.description ?? null,
        externalId: draft.externalId,
        url: draft.url ?? null,
        startedAt: draft.startedAt,
        finishedAt: draft.finishedAt ?? null,
      })
      .returning({ id: deployments.id });
    return { outcome: "processed", note: null, deploymentId: row!.id };
  }
  const newer =
    RANK[draft.status] > RANK[existing.status] ||
    (RANK[draft.status] === RANK[existing.status] &&
      (RANK[draft.status] < 2 ||
        (draft.finishedAt ?? draft.updatedAt) >= (existing.finishedAt ?? new Date(0))));
  if (!newer) return { outcome: "processed", note: "older than the stored state; nothing changed" };
  await tx
    .update(deployments)
    .set({
      status: draft.status,
      finishedAt: draft.finishedAt ?? null,
      url: draft.url ?? existing.url,
      description: draft.description ?? existing.description,
      actor: existing.actor ?? draft.actor ?? null,
      runId: existing.runId ?? runId,
    })
    .where(eq(deployments.id, existing.id));
  // A final state finishes the promotion request behind a deployment Tandem started or gated.
  await afterDeploymentEvent(tx, {
    deploymentId: existing.id,
    status: draft.status,
    reason: draft.status === "succeeded" ? null : (draft.description ?? `the deployment ${draft.status}`),
    now: draft.finishedAt ?? draft.updatedAt,
  });
  return { outcome: "processed", note: null, deploymentId: existing.id };
}

async function findEnvironment(tx: Transaction, projectId: string, names: string[]): Promise<string | null> {
  const wanted = names.map((n) => n.trim().toLowerCase()).filter(Boolean);
  if (wanted.length === 0) return null;
  const [row] = await tx
    .select({ id: environments.id })
    .from(environments)
    .where(
      and(
        eq(environments.projectId, projectId),
        sql`(lower(${environments.slug}) in ${wanted} or lower(${environments.name}) in ${wanted})`,
      ),
    )
    .orderBy(environments.position)
    .limit(1);
  return row?.id ?? null;
}

/** The project's release for this commit, created on first sight (releases are unique per version). */
async function releaseFor(tx: Transaction, projectId: string, draft: DeploymentDraft): Promise<string> {
  await tx
    .insert(releases)
    .values({
      projectId,
      version: draft.version,
      commitSha: draft.commitSha ?? null,
      createdBy: draft.actor ?? null,
    })
    .onConflictDoNothing({ target: [releases.projectId, releases.version] });
  const [row] = await tx
    .select({ id: releases.id })
    .from(releases)
    .where(and(eq(releases.projectId, projectId), eq(releases.version, draft.version)));
  return row!.id;
}

/** The CI run that performed the deployment, among the project's recent runs. */
async function findRun(scope: Scope, draft: DeploymentDraft): Promise<string | null> {
  const since = new Date(draft.startedAt.getTime() - RUN_WINDOW_MS);
  const recent = and(
    eq(pipelineRuns.projectId, scope.projectId),
    eq(pipelineRuns.provider, scope.provider),
    gte(pipelineRuns.queuedAt, since),
  );
  const by = draft.performedBy!;
  if ("runExternalId" in by) {
    const [row] = await scope.tx
      .select({ id: pipelineRuns.id })
      .from(pipelineRuns)
      .where(and(recent, eq(pipelineRuns.externalId, by.runExternalId)))
      .orderBy(desc(pipelineRuns.queuedAt))
      .limit(1);
    return row?.id ?? null;
  }
  const [row] = await scope.tx
    .select({ id: pipelineJobs.runId })
    .from(pipelineJobs)
    .innerJoin(pipelineRuns, eq(pipelineRuns.id, pipelineJobs.runId))
    .where(and(recent, eq(pipelineJobs.externalId, by.jobExternalId)))
    .limit(1);
  return row?.id ?? null;
}
