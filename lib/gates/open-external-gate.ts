import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import { systemActor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { type ExternalGate, environments, promotionRequests, releases, users } from "@/lib/db/schema";
import { notifyPromotion } from "@/lib/notifications/notify-promotion";
import type { GateDraft } from "@/lib/providers/shared/types";
import { requestExpiresAt } from "./insert-pending-request";

/** Requests opened by a provider pipeline name this disabled account as requester (it can never approve). */
export const PROVIDER_GATE_EMAIL = "provider-gate@tandem.invalid";

async function gateRequester(tx: Executor): Promise<string> {
  await tx
    .insert(users)
    .values({ email: PROVIDER_GATE_EMAIL, name: "Provider pipeline", role: "viewer", disabledAt: new Date() })
    .onConflictDoNothing();
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${PROVIDER_GATE_EMAIL}`);
  return row!.id;
}

async function findEnvironment(tx: Executor, projectId: string, names: string[]) {
  const wanted = names.map((n) => n.trim().toLowerCase()).filter(Boolean);
  if (wanted.length === 0) return null;
  const [row] = await tx
    .select()
    .from(environments)
    .where(
      and(
        eq(environments.projectId, projectId),
        sql`(lower(${environments.slug}) in ${wanted} or lower(${environments.name}) in ${wanted})`,
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * Opens the promotion request a provider pipeline waits on (GitHub protection rule, GitLab
 * blocked deployment, Azure DevOps check), in the caller's transaction: the subject is the
 * project's release for that commit (found or created by version), the environment is the
 * one the provider names. One request per provider gate (`draft.key`): a repeated event
 * returns the request already open. Decided like any request; answered by answer-external-gate.
 */
export async function openExternalGate(
  tx: Executor,
  input: { projectId: string; connectionId: string; draft: GateDraft; now?: Date },
): Promise<{ outcome: "processed" | "ignored"; note: string | null; requestId?: string }> {
  const { draft, projectId } = input;
  const now = input.now ?? new Date();
  const environment = await findEnvironment(tx, projectId, draft.environments);
  if (!environment)
    return {
      outcome: "ignored",
      note: `no environment named "${draft.environments[0]}" in the mapped project`,
    };
  const [existing] = await tx
    .select({ id: promotionRequests.id })
    .from(promotionRequests)
    .where(
      and(
        eq(promotionRequests.projectId, projectId),
        sql`${promotionRequests.externalGate}->'ref'->>'key' = ${draft.key}`,
      ),
    )
    .limit(1);
  if (existing)
    return { outcome: "processed", note: "this gate already has a request", requestId: existing.id };

  await tx
    .insert(releases)
    .values({
      projectId,
      version: draft.version,
      commitSha: draft.commitSha ?? null,
      createdBy: draft.actor ?? null,
    })
    .onConflictDoNothing({ target: [releases.projectId, releases.version] });
  const [release] = await tx
    .select({ id: releases.id })
    .from(releases)
    .where(and(eq(releases.projectId, projectId), eq(releases.version, draft.version)));
  const gate: ExternalGate = {
    provider: draft.provider,
    connectionId: input.connectionId,
    ...(draft.callbackUrl ? { callbackUrl: draft.callbackUrl } : {}),
    ref: { ...draft.ref, key: draft.key },
  };
  const [request] = await tx
    .insert(promotionRequests)
    .values({
      projectId,
      environmentId: environment.id,
      releaseId: release!.id,
      requestedByUserId: await gateRequester(tx),
      reason: draft.description.slice(0, 2000),
      externalGate: gate,
      expiresAt: await requestExpiresAt(tx, environment.id, now),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await recordAudit(tx, systemActor(`${draft.provider}-gate`), {
    action: "promotion.request",
    targetType: "promotion_request",
    targetId: request!.id,
    projectId,
    data: {
      environment: environment.slug,
      release: draft.version,
      externalGate: draft.provider,
      actor: draft.actor ?? null,
    },
  });
  await notifyPromotion(tx, "promotion.requested", request!);
  return { outcome: "processed", note: null, requestId: request!.id };
}
