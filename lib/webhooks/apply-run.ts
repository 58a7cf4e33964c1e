import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { pipelineRuns, pipelines } from "@/lib/db/schema";
import { PLACEHOLDER_PIPELINE_PREFIX } from "@/lib/providers/github/map-workflow-job";
import type { CiProvider, WebhookEffect } from "@/lib/providers/shared/types";
import { upsertJobs, upsertRun } from "@/lib/runs/upsert-run";
import { adoptPlaceholderRuns } from "./adopt-placeholder-runs";
import { lockProviderObject } from "./lock";
import { toNormalizedJobs, toNormalizedRun } from "./to-normalized";

type Scope = { tx: Transaction; projectId: string; connectionId: string; provider: CiProvider };
type RunEffect = Extract<WebhookEffect, { kind: "run" }>;
type JobsEffect = Extract<WebhookEffect, { kind: "jobs" }>;

const runLock = (scope: Scope, runExternalId: string) =>
  lockProviderObject(scope.tx, `${scope.connectionId}:run:${runExternalId}`);

/** Upserts a run (and its jobs) with upsertRun's newer-wins rule. */
export async function applyRun(
  scope: Scope,
  effect: RunEffect,
): Promise<{ runId: string; applied: boolean }> {
  const input = toNormalizedRun(effect.draft, scope.projectId, scope.connectionId);
  await runLock(scope, input.run.externalId);
  const result = await upsertRun(scope.tx, input);
  if (effect.adoptPlaceholders) {
    await adoptPlaceholderRuns(scope.tx, {
      projectId: scope.projectId,
      runId: result.runId,
      externalId: input.run.externalId,
      commitSha: input.run.commitSha,
    });
  }
  return { runId: result.runId, applied: result.applied };
}

/** Upserts jobs into their run; when the run has not arrived yet, stores the payload's sketch of it. */
export async function applyJobs(
  scope: Scope,
  effect: JobsEffect,
): Promise<{ runId: string; created: boolean }> {
  const jobs = toNormalizedJobs(effect.jobs);
  await runLock(scope, effect.runExternalId);
  const existing = await findRun(scope, effect);
  if (existing) {
    await upsertJobs(scope.tx, existing, jobs);
    return { runId: existing, created: false };
  }
  const input = toNormalizedRun(
    { ...effect.fallback, jobs: effect.jobs },
    scope.projectId,
    scope.connectionId,
  );
  const result = await upsertRun(scope.tx, input);
  return { runId: result.runId, created: true };
}

/** The stored run a job belongs to, found through an index (its pipeline's key, or its commit). */
async function findRun(scope: Scope, effect: JobsEffect): Promise<string | null> {
  const base = and(
    eq(pipelineRuns.projectId, scope.projectId),
    eq(pipelineRuns.provider, scope.provider),
    eq(pipelineRuns.externalId, effect.runExternalId),
  );
  const where =
    "pipelineExternalId" in effect.lookup
      ? and(
          base,
          eq(pipelines.provider, scope.provider),
          eq(pipelines.externalId, effect.lookup.pipelineExternalId),
        )
      : and(base, eq(pipelineRuns.commitSha, effect.lookup.commitSha));
  const [row] = await scope.tx
    .select({ id: pipelineRuns.id })
    .from(pipelineRuns)
    .innerJoin(pipelines, eq(pipelines.id, pipelineRuns.pipelineId))
    .where(where)
    // A real run wins over a sketch under a placeholder pipeline.
    .orderBy(asc(sql`${pipelines.externalId} like ${`${PLACEHOLDER_PIPELINE_PREFIX}%`}`))
    .limit(1);
  return row?.id ?? null;
}
