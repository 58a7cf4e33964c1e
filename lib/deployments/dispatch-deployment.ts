import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import { systemActor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import {
  deployments,
  environments,
  models,
  modelVersions,
  promotionRequests,
  releases,
} from "@/lib/db/schema";
import { logger } from "@/lib/log";
import { isRetryableProviderError } from "@/lib/providers/shared/provider-error";
import { externalIdOf, type StartedRun, startProviderRun } from "@/lib/providers/start-run";
import { finishPromotionDeployment } from "./finish-promotion-deployment";

export type DispatchOutcome = "started" | "skipped" | "failed";
const actor = systemActor("deploy-dispatch");

/**
 * How Tandem names a provider deployment in deployments.external_id, the same way the
 * webhook mappers do: `github:<deployment id>` for GitHub deployments, and
 * `<provider>:run:<run id>` for runs (workflow_dispatch, GitLab pipeline, Azure run), which
 * the run webhooks finish.
 */
export function deploymentExternalId(started: StartedRun): string | null {
  const id = externalIdOf(started);
  if (id === null) return null;
  return started.externalRef.deploymentId !== undefined ? `github:${id}` : `${started.provider}:run:${id}`;
}

async function tandemVersion(db: Executor, releaseId: string | null, modelVersionId: string | null) {
  if (releaseId) {
    const [r] = await db
      .select({ version: releases.version })
      .from(releases)
      .where(eq(releases.id, releaseId));
    if (r) return r.version;
  }
  if (modelVersionId) {
    const [m] = await db
      .select({ name: models.name, version: modelVersions.version })
      .from(modelVersions)
      .innerJoin(models, eq(models.id, modelVersions.modelId))
      .where(eq(modelVersions.id, modelVersionId));
    if (m) return `${m.name}@${m.version}`;
  }
  return "";
}

/**
 * The deploy-dispatch job: starts a queued deployment at its environment's provider and
 * records the provider's id, so the provider's webhooks can finish it. Runs after the
 * approving transaction committed. A provider outage throws for pg-boss to retry; a refusal,
 * or the last attempt, marks the deployment and its request failed with the reason. A
 * deployment no longer queued is left alone, so a repeated job starts nothing twice.
 */
export async function dispatchDeployment(
  db: Executor,
  deploymentId: string,
  options: { finalAttempt: boolean; now?: () => Date },
): Promise<DispatchOutcome> {
  const now = options.now ?? (() => new Date());
  const [row] = await db
    .select({ deployment: deployments, target: environments.deployTarget })
    .from(deployments)
    .innerJoin(environments, eq(environments.id, deployments.environmentId))
    .where(eq(deployments.id, deploymentId));
  if (row?.deployment.status !== "queued" || row.deployment.externalId !== null) return "skipped";
  const { deployment, target } = row;
  if (!target) return fail(db, deploymentId, "the environment no longer has a deploy target", now());

  let started: StartedRun;
  try {
    started = await startProviderRun(db, target, {
      tandem_version: await tandemVersion(db, deployment.releaseId, deployment.modelVersionId),
      tandem_request_id: deployment.promotionRequestId ?? "",
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (isRetryableProviderError(error) && !options.finalAttempt) {
      logger.warn({ err: error, deploymentId }, "deploy dispatch failed; will retry");
      throw error;
    }
    return fail(db, deploymentId, reason, now());
  }
  const externalId = deploymentExternalId(started);
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(deployments)
      .set({ status: "in_progress", externalId, url: started.url ?? null })
      .where(
        and(
          eq(deployments.id, deploymentId),
          eq(deployments.status, "queued"),
          isNull(deployments.externalId),
        ),
      )
      .returning({ id: deployments.id, projectId: deployments.projectId });
    if (!updated) return;
    await recordAudit(tx, actor, {
      action: "deployment.start",
      targetType: "deployment",
      targetId: deploymentId,
      projectId: updated.projectId,
      data: { provider: started.provider, externalRef: started.externalRef, url: started.url ?? null },
    });
  });
  return "started";
}

/** Marks a deployment that could not start as failed, and its request with it, exactly once. */
async function fail(db: Executor, deploymentId: string, reason: string, at: Date): Promise<DispatchOutcome> {
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(deployments)
      .set({
        status: "failed",
        finishedAt: at,
        description: `Could not start at the provider: ${reason}`.slice(0, 1000),
      })
      .where(and(eq(deployments.id, deploymentId), eq(deployments.status, "queued")))
      .returning({ id: deployments.id, projectId: deployments.projectId });
    if (!updated) return;
    await recordAudit(tx, actor, {
      action: "deployment.fail",
      targetType: "deployment",
      targetId: deploymentId,
      projectId: updated.projectId,
      data: { reason },
    });
    await finishPromotionDeployment(tx, { deploymentId, status: "failed", reason, now: at, actor });
  });
  return "failed";
}

/** Queued deployments still waiting for their dispatch a minute on (their job was lost or never sent). */
export async function findStrandedDispatches(db: Executor, now: Date): Promise<string[]> {
  const before = new Date(now.getTime() - 60_000);
  const rows = await db
    .select({ id: deployments.id, createdAt: deployments.createdAt })
    .from(deployments)
    .innerJoin(promotionRequests, eq(promotionRequests.id, deployments.promotionRequestId))
    .where(
      and(
        eq(deployments.status, "queued"),
        isNull(deployments.externalId),
        eq(promotionRequests.status, "deploying"),
      ),
    )
    .limit(200);
  return rows.filter((r) => r.createdAt < before).map((r) => r.id);
}
