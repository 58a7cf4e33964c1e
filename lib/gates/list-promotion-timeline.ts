import "server-only";
import { and, asc, eq, gte, or, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import type { PromotionRow } from "./load-promotion";

export type TimelineItem = {
  id: number;
  at: Date;
  actorLabel: string;
  action: string;
  data: Record<string, unknown>;
};

/**
 * The request's story from the audit log: its own events (request, approvals, rejections,
 * deploy, cancel, expiry) and the deployment and alias moves it caused, oldest first.
 * Scoped to the request's project and lifetime so the audit index does the work.
 */
export async function listPromotionTimeline(db: Executor, request: PromotionRow): Promise<TimelineItem[]> {
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.createdAt,
      actorLabel: auditEvents.actorLabel,
      action: auditEvents.action,
      data: auditEvents.data,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.projectId, request.projectId),
        gte(auditEvents.createdAt, new Date(request.createdAt.getTime() - 60_000)),
        or(
          and(eq(auditEvents.targetType, "promotion_request"), eq(auditEvents.targetId, request.id)),
          sql`${auditEvents.data}->>'promotionRequestId' = ${request.id}`,
        ),
      ),
    )
    .orderBy(asc(auditEvents.createdAt), asc(auditEvents.id))
    .limit(200);
}
