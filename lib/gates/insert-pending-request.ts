import "server-only";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { gatePolicies, promotionRequests } from "@/lib/db/schema";
import type { PromotionRow } from "./load-promotion";

/** A request nobody decides expires after this many hours when its environment has no policy. */
const DEFAULT_EXPIRY_HOURS = 72;

/** When a request made `now` to the environment expires, by its gate policy. */
export async function requestExpiresAt(tx: Executor, environmentId: string, now: Date): Promise<Date> {
  const [policy] = await tx
    .select({ expiryHours: gatePolicies.expiryHours })
    .from(gatePolicies)
    .where(eq(gatePolicies.environmentId, environmentId));
  return new Date(now.getTime() + (policy?.expiryHours ?? DEFAULT_EXPIRY_HOURS) * 3_600_000);
}

export type PendingRequest = Pick<
  typeof promotionRequests.$inferInsert,
  | "projectId"
  | "releaseId"
  | "modelVersionId"
  | "requestedByUserId"
  | "reason"
  | "emergency"
  | "externalGate"
  | "rollbackOfDeploymentId"
>;

/**
 * Writes a pending promotion request to `environment` with its policy's expiry, and its
 * `promotion.request` audit row (the environment's slug, subject, reason and emergency flag,
 * plus `audit`) in the same transaction: how a person's request and a rollback open; the
 * callers check eligibility first.
 */
export async function insertPendingRequest(
  tx: Executor,
  actor: Actor,
  environment: { id: string; slug: string },
  values: PendingRequest,
  now: Date,
  audit: Record<string, unknown> = {},
): Promise<PromotionRow> {
  const [request] = await tx
    .insert(promotionRequests)
    .values({
      ...values,
      environmentId: environment.id,
      expiresAt: await requestExpiresAt(tx, environment.id, now),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: "promotion.request",
    targetType: "promotion_request",
    targetId: request!.id,
    projectId: request!.projectId,
    data: {
      environment: environment.slug,
      releaseId: request!.releaseId,
      modelVersionId: request!.modelVersionId,
      reason: request!.reason,
      emergency: request!.emergency,
      ...audit,
    },
  });
  return request!;
}
