import "server-only";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { AppError, parseInput } from "@/lib/api/errors";
import { assertCan, assertProjectVisible, can } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { environments } from "@/lib/db/schema";
import { notifyPromotion } from "@/lib/notifications/notify-promotion";
import { assertNoPendingRequest } from "./assert-no-pending-request";
import { insertPendingRequest } from "./insert-pending-request";
import type { PromotionRow } from "./load-promotion";
import { loadCurrentDeployment, loadSubject } from "./load-subjects";
import { checkPromotionOrder } from "./promotion-order";

export const requestPromotionInput = z
  .object({
    releaseId: z.uuid().optional(),
    modelVersionId: z.uuid().optional(),
    /** The target environment, by id or by slug within the subject's project. */
    environmentId: z.uuid().optional(),
    environment: z.string().trim().min(1).max(100).optional(),
    reason: z.string().trim().min(1, "Say why this should be promoted.").max(2000),
    /** Admins only: skip the environment order and the automatic checks (never the approvals). */
    emergency: z.boolean().default(false),
  })
  .refine((v) => Boolean(v.releaseId) !== Boolean(v.modelVersionId), {
    path: ["releaseId"],
    message: "Give either a releaseId or a modelVersionId.",
  })
  .refine((v) => Boolean(v.environmentId) !== Boolean(v.environment), {
    path: ["environment"],
    message: "Give either an environment slug or an environmentId.",
  });
export type RequestPromotionInput = z.input<typeof requestPromotionInput>;

const field = (path: string, message: string) =>
  new AppError("invalid_request", message, { fields: [{ path, message }] });

/**
 * Asks for a release or model version to be promoted to an environment: the next one in
 * the project's promotion order (admins may skip ahead in an emergency, with a reason), no
 * other request for the same thing and place still pending, expiring after the policy's
 * expiry hours.
 */
export async function requestPromotion(
  ctx: ServiceContext,
  rawInput: RequestPromotionInput,
): Promise<{ request: PromotionRow }> {
  assertCan(ctx.actor, "promotions:request");
  const input = parseInput(requestPromotionInput, rawInput);
  const now = nowOf(ctx);
  if (input.emergency && !can(ctx.actor, "gates:write")) {
    throw new AppError("forbidden", "Only an admin may ask for an emergency promotion.", {
      field: "emergency",
    });
  }
  return ctx.db.transaction(async (tx) => {
    const subject = await loadSubject(tx, {
      releaseId: input.releaseId ?? null,
      modelVersionId: input.modelVersionId ?? null,
    });
    if (!subject)
      throw new AppError("not_found", input.releaseId ? "Release not found." : "Model version not found.");
    assertProjectVisible(ctx.actor, subject.projectId);

    const envs = await tx
      .select()
      .from(environments)
      .where(eq(environments.projectId, subject.projectId))
      .orderBy(asc(environments.position));
    const wanted = envs.find((e) => e.id === input.environmentId || e.slug === input.environment);
    if (!wanted) throw field("environment", "The subject's project has no such environment.");
    // One request creator per environment at a time, so the duplicate check below cannot race.
    // NO KEY UPDATE leaves inserts that reference the environment (deployments) unblocked.
    const [target] = await tx
      .select()
      .from(environments)
      .where(eq(environments.id, wanted.id))
      .for("no key update");

    const runsIn = new Set<string>();
    for (const env of envs) {
      const current = await loadCurrentDeployment(tx, env.id, subject);
      if (current?.subject.id === subject.id) runsIn.add(env.id);
    }
    const order = checkPromotionOrder(envs, runsIn, target!, subject.label);
    if (!order.ok && (order.alreadyThere || !input.emergency)) {
      throw new AppError("conflict", order.reason, { nextEnvironment: order.next?.slug ?? null });
    }

    await assertNoPendingRequest(tx, subject, target!, now);

    const request = await insertPendingRequest(
      tx,
      ctx.actor,
      target!,
      {
        projectId: subject.projectId,
        releaseId: subject.kind === "release" ? subject.id : null,
        modelVersionId: subject.kind === "model" ? subject.id : null,
        requestedByUserId: ctx.actor.userId,
        reason: input.reason,
        emergency: input.emergency,
      },
      now,
      order.ok ? {} : { skippedOrder: true, nextEnvironment: order.next?.slug ?? null },
    );
    await notifyPromotion(tx, "promotion.requested", request, {
      reason: input.reason,
      emergency: input.emergency,
    });
    return { request };
  });
}
