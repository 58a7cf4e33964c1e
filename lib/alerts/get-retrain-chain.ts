import "server-only";
import { desc, eq } from "drizzle-orm";
import { AppError } from "@/lib/api/errors";
import { assertCan, assertProjectVisible } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import {
  alertRules,
  alerts,
  models,
  modelVersions,
  pipelineRuns,
  promotionRequests,
  retrainTriggers,
} from "@/lib/db/schema";

export type RetrainChainLink = {
  triggerId: string;
  status: "dispatched" | "running" | "succeeded" | "failed";
  error: string | null;
  externalRef: Record<string, string | number>;
  createdAt: Date;
  alert: { id: string; state: string; value: number | null; firedAt: Date | null } | null;
  run: { id: string; status: string; url: string | null; startedAt: Date | null } | null;
  version: { id: string; modelId: string; modelName: string; version: number } | null;
  request: { id: string; status: string; environmentId: string } | null;
};

/**
 * A rule's feedback loop, newest first: each retrain trigger with the alert that started it,
 * the run it started, the version that run registered and the promotion request opened for
 * it; a link not made yet is null. Needs monitoring:read.
 */
export async function getRetrainChain(
  ctx: ServiceContext,
  input: { ruleId: string; limit?: number },
): Promise<RetrainChainLink[]> {
  assertCan(ctx.actor, "monitoring:read");
  const [rule] = await ctx.db
    .select({ projectId: alertRules.projectId })
    .from(alertRules)
    .where(eq(alertRules.id, input.ruleId));
  if (!rule) throw new AppError("not_found", "Alert rule not found.");
  assertProjectVisible(ctx.actor, rule.projectId);
  const rows = await ctx.db
    .select({
      trigger: retrainTriggers,
      alert: { id: alerts.id, state: alerts.state, value: alerts.value, firedAt: alerts.firedAt },
      run: {
        id: pipelineRuns.id,
        status: pipelineRuns.status,
        url: pipelineRuns.url,
        startedAt: pipelineRuns.startedAt,
      },
      version: {
        id: modelVersions.id,
        modelId: modelVersions.modelId,
        modelName: models.name,
        version: modelVersions.version,
      },
      request: {
        id: promotionRequests.id,
        status: promotionRequests.status,
        environmentId: promotionRequests.environmentId,
      },
    })
    .from(retrainTriggers)
    .leftJoin(alerts, eq(alerts.id, retrainTriggers.alertId))
    .leftJoin(pipelineRuns, eq(pipelineRuns.id, retrainTriggers.pipelineRunId))
    .leftJoin(modelVersions, eq(modelVersions.id, retrainTriggers.modelVersionId))
    .leftJoin(models, eq(models.id, modelVersions.modelId))
    .leftJoin(promotionRequests, eq(promotionRequests.id, retrainTriggers.promotionRequestId))
    .where(eq(retrainTriggers.ruleId, input.ruleId))
    .orderBy(desc(retrainTriggers.createdAt))
    .limit(Math.min(Math.max(input.limit ?? 20, 1), 100));
  return rows.map((r) => ({
    triggerId: r.trigger.id,
    status: r.trigger.status,
    error: r.trigger.error,
    externalRef: r.trigger.externalRef,
    createdAt: r.trigger.createdAt,
    alert: r.alert,
    run: r.run,
    version: r.version?.id
      ? {
          id: r.version.id,
          modelId: r.version.modelId!,
          modelName: r.version.modelName ?? "",
          version: r.version.version!,
        }
      : null,
    request: r.request,
  }));
}
