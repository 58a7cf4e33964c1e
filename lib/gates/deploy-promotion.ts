import "server-only";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { deployments, promotionRequests } from "@/lib/db/schema";
import type { PromotionEvaluation } from "./eligibility";
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
 * null. Environments linked to a provider will stop at `deploying` and let the provider's
 * webhook finish (later work); without one, recording the deployment is the deployment.
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

  const [deployment] = await tx
    .insert(deployments)
    .values({
      projectId: request.projectId,
      environmentId: environment.id,
      releaseId: request.releaseId,
      modelVersionId: request.modelVersionId,
      promotionRequestId: request.id,
      status: "succeeded",
      deployedByUserId: actor.via === "system" ? null : actor.userId,
      actor: actor.email,
      description: `Promoted through an approved request${request.emergency ? " (emergency)" : ""}: ${request.reason}`,
      startedAt: now,
      finishedAt: now,
      createdAt: now,
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
      to: "deployed",
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
    data: { ...common.data, status: "succeeded", promotionRequestId: request.id },
  });
  const aliasMoves =
    candidate.kind === "model"
      ? await moveModelAliases(tx, actor, {
          modelVersionId: candidate.id,
          aliases: aliasesForEnvironment(environment),
          promotionRequestId: request.id,
        })
      : [];
  const [deployed] = await tx
    .update(promotionRequests)
    .set({ status: "deployed", deploymentId: deployment!.id, updatedAt: now })
    .where(and(eq(promotionRequests.id, request.id), eq(promotionRequests.status, "approved")))
    .returning();

  return { request: deployed!, deployment: deployment!, aliasMoves };
}
