import "server-only";
import { and, desc, eq, isNull, lt, ne, or } from "drizzle-orm";
import { z } from "zod";
import { AppError, parseInput } from "@/lib/api/errors";
import { assertCan, assertProjectVisible, can } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { deployments, environments, modelVersions } from "@/lib/db/schema";
import { assertNoPendingRequest } from "./assert-no-pending-request";
import { insertPendingRequest } from "./insert-pending-request";
import type { PromotionRow } from "./load-promotion";
import { loadSubject } from "./load-subjects";

export const requestRollbackInput = z.object({
  /** The deployment running now that should be rolled back. */
  deploymentId: z.uuid(),
  reason: z.string().trim().min(1, "Say why this should be rolled back.").max(2000),
  /** Admins only: skip the automatic checks (never the approvals). */
  emergency: z.boolean().default(false),
});
export type RequestRollbackInput = z.input<typeof requestRollbackInput>;

/**
 * Asks to roll an environment back: a promotion request, through the same gate, for the
 * subject of the previous successful deployment of the same thing (the release, or the same
 * model) in that environment. The deployment it leads to is marked as a rollback of this one.
 */
export async function requestRollback(
  ctx: ServiceContext,
  rawInput: RequestRollbackInput,
): Promise<{ request: PromotionRow }> {
  assertCan(ctx.actor, "promotions:request");
  const input = parseInput(requestRollbackInput, rawInput);
  const now = nowOf(ctx);
  if (input.emergency && !can(ctx.actor, "gates:write")) {
    throw new AppError("forbidden", "Only an admin may ask for an emergency rollback.", {
      field: "emergency",
    });
  }
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ deployment: deployments, modelId: modelVersions.modelId })
      .from(deployments)
      .leftJoin(modelVersions, eq(modelVersions.id, deployments.modelVersionId))
      .where(eq(deployments.id, input.deploymentId));
    if (!current) throw new AppError("not_found", "Deployment not found.");
    const d = current.deployment;
    assertProjectVisible(ctx.actor, d.projectId);
    // Serialises request creation for this environment, as requestPromotion does.
    const [target] = await tx
      .select()
      .from(environments)
      .where(eq(environments.id, d.environmentId))
      .for("no key update");

    // The same thing as the board's cells: one model (any version), or the release.
    const sameThing = current.modelId
      ? eq(modelVersions.modelId, current.modelId)
      : isNull(deployments.modelVersionId);
    const succeededHere = and(
      eq(deployments.environmentId, d.environmentId),
      eq(deployments.status, "succeeded"),
      sameThing,
    );
    const history = (where: ReturnType<typeof and>) =>
      tx
        .select({
          id: deployments.id,
          releaseId: deployments.releaseId,
          modelVersionId: deployments.modelVersionId,
        })
        .from(deployments)
        .leftJoin(modelVersions, eq(modelVersions.id, deployments.modelVersionId))
        .where(where)
        .orderBy(desc(deployments.startedAt), desc(deployments.id))
        .limit(1);
    const [latest] = await history(succeededHere);
    if (d.status !== "succeeded" || latest?.id !== d.id) {
      throw new AppError("conflict", "Only what runs in the environment now can be rolled back.");
    }
    const differentSubject = current.modelId
      ? ne(deployments.modelVersionId, d.modelVersionId!)
      : ne(deployments.releaseId, d.releaseId!);
    const [previous] = await history(
      and(
        succeededHere,
        differentSubject,
        or(
          lt(deployments.startedAt, d.startedAt),
          and(eq(deployments.startedAt, d.startedAt), lt(deployments.id, d.id)),
        ),
      ),
    );
    if (!previous) {
      throw new AppError(
        "conflict",
        `Nothing else ran in ${target!.name} before this deployment to roll back to.`,
      );
    }
    const subject = await loadSubject(tx, previous);
    if (!subject) throw new AppError("conflict", "The previous release or model version no longer exists.");

    await assertNoPendingRequest(tx, subject, target!, now);
    const request = await insertPendingRequest(
      tx,
      ctx.actor,
      target!,
      {
        projectId: d.projectId,
        releaseId: subject.kind === "release" ? subject.id : null,
        modelVersionId: subject.kind === "model" ? subject.id : null,
        requestedByUserId: ctx.actor.userId,
        reason: input.reason,
        emergency: input.emergency,
        rollbackOfDeploymentId: d.id,
      },
      now,
      { rollbackOfDeploymentId: d.id, rollbackTo: subject.label },
    );
    return { request };
  });
}
