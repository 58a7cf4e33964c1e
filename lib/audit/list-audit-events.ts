import "server-only";
import { and, desc, eq, gte, ilike, inArray, like, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { AppError, parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { decodeCursor, type Page, toPage } from "@/lib/db/keyset";
import { auditEvents, projects } from "@/lib/db/schema";
import { withinActorScope } from "@/lib/projects/within-actor-scope";

export const listAuditEventsInput = z.object({
  projectIds: z.array(z.string()).nullable().default(null),
  /** Matches the start of the action, e.g. "promotion" or "promotion.approve". */
  action: z.string().trim().max(100).optional(),
  /** Matches anywhere in the actor label (email, token owner, "system (job)"), any case. */
  actor: z.string().trim().max(200).optional(),
  /** Exactly this kind of target, e.g. "promotion_request" or "environment". */
  targetType: z
    .string()
    .regex(/^[a-z][a-z_]{0,49}$/)
    .optional(),
  /** Events at or after `from` and before `to`. */
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAuditEventsInput = z.input<typeof listAuditEventsInput>;

export type AuditEventListItem = {
  id: number;
  createdAt: Date;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  projectSlug: string | null;
  projectName: string | null;
  data: Record<string, unknown>;
};

/** What people type is matched literally: % and _ are not wildcards to them. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The full audit log, newest first, one keyset page at a time. Admins only (audit:read);
 * a project scope keeps only that project's events, never the project-less ones
 * (user and token administration).
 */
export async function listAuditEvents(
  ctx: ServiceContext,
  rawInput: ListAuditEventsInput = {},
): Promise<Page<AuditEventListItem>> {
  assertCan(ctx.actor, "audit:read");
  const input = parseInput(listAuditEventsInput, rawInput);
  const cursor = decodeCursor(input.cursor);
  const projectIds = withinActorScope(ctx.actor, input.projectIds);
  // Audit ids are bigserial numbers; the shared cursor carries them as strings.
  if (cursor && !/^\d{1,19}$/.test(cursor.id)) {
    throw new AppError("invalid_request", "The cursor is not valid; start again from the first page.");
  }
  const rows = await ctx.db
    .select({
      id: auditEvents.id,
      createdAt: auditEvents.createdAt,
      actorLabel: auditEvents.actorLabel,
      action: auditEvents.action,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      projectSlug: projects.slug,
      projectName: projects.name,
      data: auditEvents.data,
    })
    .from(auditEvents)
    .leftJoin(projects, eq(projects.id, auditEvents.projectId))
    .where(
      and(
        projectIds ? inArray(auditEvents.projectId, projectIds) : undefined,
        input.action ? like(auditEvents.action, `${escapeLike(input.action)}%`) : undefined,
        input.actor ? ilike(auditEvents.actorLabel, `%${escapeLike(input.actor)}%`) : undefined,
        input.targetType ? eq(auditEvents.targetType, input.targetType) : undefined,
        input.from ? gte(auditEvents.createdAt, input.from) : undefined,
        input.to ? lt(auditEvents.createdAt, input.to) : undefined,
        cursor
          ? sql`(${auditEvents.createdAt}, ${auditEvents.id}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::bigint)`
          : undefined,
      ),
    )
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (row) => ({ at: row.createdAt, id: String(row.id) }));
}
