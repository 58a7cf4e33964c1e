import "server-only";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, systemActor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { deployments, environments, promotionRequests } from "@/lib/db/schema";
import { aliasesForEnvironment, moveModelAliases } from "@/lib/gates/move-model-aliases";
import { notifyPromotion } from "@/lib/notifications/notify-promotion";

export type FinalStatus = "succeeded" | "failed" | "cancelled";

/**
 * Moves the promotion request behind a provider deployment from `deploying` to `deployed`
 * (the deployment succeeded) or `failed` (it failed or was cancelled), exactly once: the
 * UPDATE is guarded by `deploying`, so a repeated or late webhook changes nothing. On
 * success the model aliases for the environment move now, when the model actually runs
 * there. Call in the transaction that stored the deployment's final state.
 */
export async function finishPromotionDeployment(
  tx: Executor,
  input: { deploymentId: string; status: FinalStatus; reason?: string | null; now: Date; actor?: Actor },
): Promise<"deployed" | "failed" | null> {
  const actor = input.actor ?? systemActor("deployment-webhook");
  const [deployment] = await tx
    .select({
      id: deployments.id,
      requestId: deployments.promotionRequestId,
      environmentId: deployments.environmentId,
    })
    .from(deployments)
    .where(eq(deployments.id, input.deploymentId));
  if (!deployment?.requestId) return null;
  const to = input.status === "succeeded" ? "deployed" : "failed";
  const [request] = await tx
    .update(promotionRequests)
    .set({ status: to, updatedAt: input.now })
    .where(and(eq(promotionRequests.id, deployment.requestId), eq(promotionRequests.status, "deploying")))
    .returning();
  if (!request) return null;
  await recordAudit(tx, actor, {
    action: to === "deployed" ? "promotion.deployed" : "promotion.fail",
    targetType: "promotion_request",
    targetId: request.id,
    projectId: request.projectId,
    data: {
      from: "deploying",
      to,
      deploymentId: deployment.id,
      deploymentStatus: input.status,
      reason: input.reason ?? null,
    },
  });
  if (to === "deployed" && request.modelVersionId) {
    const [environment] = await tx
      .select()
      .from(environments)
      .where(eq(environments.id, deployment.environmentId));
    if (environment) {
      await moveModelAliases(tx, actor, {
        modelVersionId: request.modelVersionId,
        aliases: aliasesForEnvironment(environment),
        promotionRequestId: request.id,
      });
    }
  }
  await notifyPromotion(
    tx,
    to === "deployed" ? "promotion.deployed" : "promotion.failed",
    request,
    input.reason ? { reason: input.reason } : {},
  );
  return to;
}
