import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { deployments, promotionRequests } from "@/lib/db/schema";
import { notifyPromotion } from "@/lib/notifications/notify-promotion";
import type { PromotionEvaluation } from "./eligibility";
import { enqueueDispatch, enqueueGateAnswer } from "./enqueue-gate-jobs";
import { gateDeploymentExternalId } from "./external-gate-ids";
import type { LoadedPromotion, PromotionRow } from "./load-promotion";
import type { Subject } from "./load-subjects";
import { type AliasMove, aliasesForEnvironment, moveModelAliases } from "./move-model-aliases";

export type DeploymentRow = typeof deployments.$inferSelect;
export type DeployOutcome = { request: PromotionRow; deployment: DeploymentRow; aliasMoves: AliasMove[] };

/**
 * Carries a request that is approved and passes its checks through to its deployment, in
 * the caller's transaction: pending → approved → deployed. Each step is an UPDATE guarded
 * by the status it leaves, so however many approvers reach this at once, on however many
 * instances, exactly one moves the request and records one deployment; the others get
 * null. Environments with a deploy target stop at `deploying` with the deployment queued:
 * the deploy-dispatch job starts it at the provider after commit, and the provider's
 * webhooks finish it (aliases move then); without one, recording the deployment is the deployment.
 */
export async function deployPromotion(
  tx: Executor,
  actor: Actor,
  input: { loaded: LoadedPromotion; candidate: Subject; evaluation: PromotionEvaluation; now: Date },
): Promise<DeployOutcome | null> {
  const { loaded, candidate, evaluation, now } = input;
  const { request, environment } = loaded;
  const [approved] = await tx
    .update(promotionRequests)
    .set({ status: "approved", decidedAt: now, updatedAt: now })
    .where(and(eq(promotionRequests.id, request.id), eq(promotionRequests.status, "pending")))
    .returning({ id: promotionRequests.id });
  if (!approved) return null;
  // Linked to a provider: the deployment is queued here and started by the deploy-dispatch job after commit.
  // Gated from a provider's pipeline (external_gate): that pipeline deploys once Tandem answers it.
  const gate = request.externalGate;
  const target = gate ? null : environment.deployTarget;
  const viaProvider = Boolean(gate || target);
  const externalId = gateDeploymentExternalId(gate);
  await notifyPromotion(tx, "promotion.approved", { ...request, status: "approved" });

  const [deployment] = await tx
    .insert(deployments)
    .values({
      projectId: request.projectId,
      environmentId: environment.id,
      releaseId: request.releaseId,
      modelVersionId: request.modelVersionId,
      promotionRequestId: request.id,
      // A rollback request (requestRollback) yields a deployment marked as a rollback of the one it replaces.
      isRollback: request.rollbackOfDeploymentId !== null,
      rollbackOfId: request.rollbackOfDeploymentId,
      status: viaProvider ? "queued" : "succeeded",
      deployedByUserId: actor.via === "system" ? null : actor.userId,
      actor: actor.email,
      description: `Promoted through an approved request${request.emergency ? " (emergency)" : ""}: ${request.reason}`,
      startedAt: now,
      finishedAt: viaProvider ? null : now,
      createdAt: now,
      externalId,
    })
    // The provider's webhook may have recorded its deployment first: this request takes it over.
    .onConflictDoUpdate({
      target: [deployments.environmentId, deployments.externalId],
      targetWhere: sql`${deployments.externalId} is not null`,
      set: {
        releaseId: request.releaseId,
        modelVersionId: request.modelVersionId,
        promotionRequestId: request.id,
        deployedByUserId: actor.via === "system" ? null : actor.userId,
      },
    })
    .returning();
  const common = {
    projectId: request.projectId,
    data: { environment: environment.slug, subject: candidate.label },
  };
  await recordAudit(tx, actor, {
    action: "promotion.deploy",
    targetType: "promotion_request",
    targetId: request.id,
    projectId: common.projectId,
    data: {
      ...common.data,
      from: "pending",
      to: viaProvider ? "deploying" : "deployed",
      deploymentId: deployment!.id,
      approvals: evaluation.approvalsGiven,
      requiredApprovals: evaluation.approvalsNeeded,
      emergency: request.emergency,
      // An emergency request deploys despite these; the audit log must say which.
      bypassedChecks: evaluation.checksBypassed,
    },
  });
  await recordAudit(tx, actor, {
    action: "deployment.create",
    targetType: "deployment",
    targetId: deployment!.id,
    projectId: common.projectId,
    data: { ...common.data, status: deployment!.status, promotionRequestId: request.id },
  });
  const aliasMoves =
    candidate.kind === "model" && !viaProvider
      ? await moveModelAliases(tx, actor, {
          modelVersionId: candidate.id,
          aliases: aliasesForEnvironment(environment),
          promotionRequestId: request.id,
        })
      : [];
  const [deployed] = await tx
    .update(promotionRequests)
    .set({ status: viaProvider ? "deploying" : "deployed", deploymentId: deployment!.id, updatedAt: now })
    .where(and(eq(promotionRequests.id, request.id), eq(promotionRequests.status, "approved")))
    .returning();
  if (gate) await enqueueGateAnswer(tx, request.id);
  else if (target) await enqueueDispatch(tx, deployment!.id);
  else await notifyPromotion(tx, "promotion.deployed", deployed!);

  return { request: deployed!, deployment: deployment!, aliasMoves };
}
