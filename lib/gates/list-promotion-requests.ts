import "server-only";
import { and, desc, eq, gt, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { afterCursor, decodeCursor, type Page, toPage } from "@/lib/db/keyset";
import {
  approvals,
  environments,
  gatePolicies,
  models,
  modelVersions,
  projects,
  promotionRequests,
  releases,
  users,
} from "@/lib/db/schema";
import { type PromotionStatus, promotionStatusEnum } from "@/lib/db/schema/enums";
import { subjectLabel } from "@/lib/deployments/subject-label";
import { withinActorScope } from "@/lib/projects/within-actor-scope";

export const listPromotionRequestsInput = z.object({
  projectIds: z.array(z.string()).nullable().default(null),
  status: z.enum(promotionStatusEnum.enumValues).default("pending"),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
});
export type ListPromotionRequestsInput = z.input<typeof listPromotionRequestsInput>;

export type PromotionRequestListItem = {
  id: string;
  projectSlug: string;
  projectName: string;
  environmentSlug: string;
  environmentName: string;
  isProduction: boolean;
  /** The release version, or "model-name vN" for a model promotion. */
  label: string;
  requestedBy: string;
  reason: string;
  emergency: boolean;
  status: PromotionStatus;
  approvals: number;
  /** From the environment's gate policy; 1 when the environment has none. */
  requiredApprovals: number;
  createdAt: Date;
  expiresAt: Date;
};

/**
 * Promotion requests with one status, newest first, one keyset page at a time. "pending"
 * means still actionable, so requests past their expiry that the expiry job has not yet
 * moved are left out.
 */
export async function listPromotionRequests(
  ctx: ServiceContext,
  rawInput: ListPromotionRequestsInput = {},
): Promise<Page<PromotionRequestListItem>> {
  assertCan(ctx.actor, "promotions:read");
  const input = parseInput(listPromotionRequestsInput, rawInput);
  const cursor = decodeCursor(input.cursor);
  const projectIds = withinActorScope(ctx.actor, input.projectIds);
  const approvalCount = sql<number>`(select count(*) from ${approvals}
    where ${approvals.requestId} = ${promotionRequests.id} and ${approvals.decision} = 'approve')`.mapWith(
    Number,
  );
  const rows = await ctx.db
    .select({
      id: promotionRequests.id,
      projectSlug: projects.slug,
      projectName: projects.name,
      environmentSlug: environments.slug,
      environmentName: environments.name,
      isProduction: environments.isProduction,
      label: subjectLabel,
      requestedBy: users.name,
      reason: promotionRequests.reason,
      emergency: promotionRequests.emergency,
      status: promotionRequests.status,
      approvals: approvalCount,
      requiredApprovals: sql<number>`coalesce(${gatePolicies.requiredApprovals}, 1)`.mapWith(Number),
      createdAt: promotionRequests.createdAt,
      expiresAt: promotionRequests.expiresAt,
    })
    .from(promotionRequests)
    .innerJoin(projects, eq(projects.id, promotionRequests.projectId))
    .innerJoin(environments, eq(environments.id, promotionRequests.environmentId))
    .innerJoin(users, eq(users.id, promotionRequests.requestedByUserId))
    .leftJoin(gatePolicies, eq(gatePolicies.environmentId, promotionRequests.environmentId))
    .leftJoin(releases, eq(releases.id, promotionRequests.releaseId))
    .leftJoin(modelVersions, eq(modelVersions.id, promotionRequests.modelVersionId))
    .leftJoin(models, eq(models.id, modelVersions.modelId))
    .where(
      and(
        eq(promotionRequests.status, input.status),
        input.status === "pending" ? gt(promotionRequests.expiresAt, nowOf(ctx)) : undefined,
        projectIds ? inArray(promotionRequests.projectId, projectIds) : undefined,
        afterCursor(promotionRequests.createdAt, promotionRequests.id, cursor),
      ),
    )
    .orderBy(desc(promotionRequests.createdAt), desc(promotionRequests.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (row) => ({ at: row.createdAt, id: row.id }));
}
