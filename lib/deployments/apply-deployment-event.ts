import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { deployments } from "@/lib/db/schema";
import type { CiProvider, DeploymentStatus, RunStatus } from "@/lib/providers/shared/types";
import { type FinalStatus, finishPromotionDeployment } from "./finish-promotion-deployment";

const FINAL: ReadonlySet<DeploymentStatus> = new Set(["succeeded", "failed", "cancelled"]);
const UNFINISHED: DeploymentStatus[] = ["queued", "in_progress"];

/** deployments.external_id of a deployment Tandem started as a provider run (see dispatch-deployment.ts). */
export const runDeploymentExternalId = (provider: CiProvider, runExternalId: string) =>
  `${provider}:run:${runExternalId}`;

/**
 * A deployment Tandem started through a run (workflow_dispatch, GitLab pipeline, Azure run)
 * that a provider deployment event now reports on, found by the run that performs it.
 */
export async function findRunStartedDeployment(
  tx: Executor,
  input: { projectId: string; environmentId: string; provider: CiProvider; runExternalId: string },
) {
  const [row] = await tx
    .select()
    .from(deployments)
    .where(
      and(
        eq(deployments.projectId, input.projectId),
        eq(deployments.environmentId, input.environmentId),
        eq(deployments.externalId, runDeploymentExternalId(input.provider, input.runExternalId)),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** After a webhook changed a deployment: a final state finishes its promotion request (once). */
export async function afterDeploymentEvent(
  tx: Executor,
  input: { deploymentId: string; status: DeploymentStatus; reason?: string | null; now?: Date },
): Promise<void> {
  if (!FINAL.has(input.status)) return;
  await finishPromotionDeployment(tx, {
    deploymentId: input.deploymentId,
    status: input.status as FinalStatus,
    reason: input.reason ?? null,
    now: input.now ?? new Date(),
  });
}

const RUN_TO_DEPLOYMENT: Partial<Record<RunStatus, FinalStatus>> = {
  succeeded: "succeeded",
  failed: "failed",
  cancelled: "cancelled",
  skipped: "cancelled",
};

/**
 * A run webhook for a run Tandem started to deploy: when the run has finished, its
 * unfinished deployments take the run's outcome and their requests finish. A deployment
 * already final is never moved back, whatever order the deliveries come in.
 */
export async function settleRunDeployments(
  tx: Executor,
  input: {
    projectId: string;
    provider: CiProvider;
    runExternalId: string;
    status: RunStatus;
    finishedAt?: Date | null;
  },
): Promise<number> {
  const status = RUN_TO_DEPLOYMENT[input.status];
  if (!status) return 0;
  const finishedAt = input.finishedAt ?? new Date();
  const settled = await tx
    .update(deployments)
    .set({ status, finishedAt })
    .where(
      and(
        eq(deployments.projectId, input.projectId),
        eq(deployments.externalId, runDeploymentExternalId(input.provider, input.runExternalId)),
        inArray(deployments.status, UNFINISHED),
      ),
    )
    .returning({ id: deployments.id });
  for (const row of settled) {
    await afterDeploymentEvent(tx, {
      deploymentId: row.id,
      status,
      reason: status === "succeeded" ? null : `the provider run ended ${input.status}`,
      now: finishedAt,
    });
  }
  return settled.length;
}
