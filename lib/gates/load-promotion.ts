import "server-only";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { approvals, environments, gatePolicies, promotionRequests, users } from "@/lib/db/schema";

export type PromotionRow = typeof promotionRequests.$inferSelect;
export type EnvironmentRow = typeof environments.$inferSelect;
export type GatePolicyRow = typeof gatePolicies.$inferSelect;
export type ApprovalRow = {
  id: string;
  userId: string;
  userName: string;
  userEmail: string;
  decision: "approve" | "reject";
  comment: string;
  createdAt: Date;
};

/** A request with everything eligibility needs: its environment, policy and decisions so far. */
export type LoadedPromotion = {
  request: PromotionRow;
  environment: EnvironmentRow;
  policy: GatePolicyRow | null;
  approvals: ApprovalRow[];
};

const isUuid = (value: string) => z.uuid().safeParse(value).success;

/**
 * Loads a promotion request, or 404 when the id is unknown, not a uuid, or in a project
 * the actor cannot see (a project-limited token learns nothing). With `lock`, the request
 * row is taken `FOR UPDATE` first, so every decision on one request runs one at a time and
 * sees the decisions committed before it, across app instances.
 */
export async function loadPromotion(
  db: Executor,
  actor: Actor,
  id: string,
  options: { lock: boolean },
): Promise<LoadedPromotion> {
  const notFound = new AppError("not_found", "Promotion request not found.");
  if (!isUuid(id)) throw notFound;
  const query = db.select().from(promotionRequests).where(eq(promotionRequests.id, id));
  const [request] = options.lock ? await query.for("update") : await query;
  if (!request || (actor.projectIds && !actor.projectIds.includes(request.projectId))) throw notFound;

  // Read after the lock: under READ COMMITTED each statement sees what committed before it.
  const [environment] = await db
    .select()
    .from(environments)
    .where(eq(environments.id, request.environmentId));
  const [policy] = await db
    .select()
    .from(gatePolicies)
    .where(eq(gatePolicies.environmentId, request.environmentId));
  const decisions = await db
    .select({
      id: approvals.id,
      userId: approvals.userId,
      userName: users.name,
      userEmail: users.email,
      decision: approvals.decision,
      comment: approvals.comment,
      createdAt: approvals.createdAt,
    })
    .from(approvals)
    .innerJoin(users, eq(users.id, approvals.userId))
    .where(eq(approvals.requestId, request.id))
    .orderBy(asc(approvals.createdAt), asc(approvals.id));
  if (!environment) throw notFound;
  return { request, environment, policy: policy ?? null, approvals: decisions };
}
