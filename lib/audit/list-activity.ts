import "server-only";
import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { assertCan, can } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { auditEvents, projects } from "@/lib/db/schema";

export type ActivityItem = {
  id: number;
  action: string;
  actorLabel: string;
  targetType: string;
  targetId: string | null;
  projectSlug: string | null;
  projectName: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
};

/**
 * The newest audit events as an activity feed. People without audit:read see only
 * project events (not user or token administration).
 */
export async function listActivity(
  ctx: ServiceContext,
  input: { projectIds: string[] | null; limit?: number },
): Promise<ActivityItem[]> {
  assertCan(ctx.actor, "overview:read");
  const limit = Math.min(Math.max(input.limit ?? 15, 1), 100);
  return ctx.db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      actorLabel: auditEvents.actorLabel,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      projectSlug: projects.slug,
      projectName: projects.name,
      data: auditEvents.data,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .leftJoin(projects, eq(projects.id, auditEvents.projectId))
    .where(
      and(
        input.projectIds ? inArray(auditEvents.projectId, input.projectIds) : undefined,
        can(ctx.actor, "audit:read") ? undefined : isNotNull(auditEvents.projectId),
      ),
    )
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(limit);
}
