import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";

export type AuditInput = {
  action: string;
  targetType: string;
  targetId?: string | null;
  projectId?: string | null;
  data?: Record<string, unknown>;
};

/** Appends one audit event; call it inside the transaction that makes the change. */
export async function recordAudit(db: Executor, actor: Actor, event: AuditInput): Promise<void> {
  const label =
    actor.via === "token" ? `${actor.email} (API token)` : actor.via === "system" ? actor.name : actor.email;
  await db.insert(auditEvents).values({
    actorUserId: actor.via === "system" ? null : actor.userId,
    actorLabel: label,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId ?? null,
    projectId: event.projectId ?? null,
    data: event.data ?? {},
  });
}
