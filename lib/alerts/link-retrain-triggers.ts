import "server-only";
import { and, desc, eq, gte, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { loadSessionActor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { alertRules, auditEvents, modelVersions, retrainTriggers } from "@/lib/db/schema";
import { requestPromotion } from "@/lib/gates/request-promotion";
import { logger } from "@/lib/log";

/** Triggers older than this are left as they are: their run is not coming. */
const LINK_WINDOW_MS = 7 * 24 * 3600_000;

/**
 * Links retrain triggers forward, once a minute with the evaluation job: to the pipeline run
 * whose provider id is the trigger's run id (and follows its status), then to the model
 * version that run registered, then opens the promotion request the rule asks for. Every
 * step is conditional on the link still being empty, so passes on several instances agree.
 */
export async function linkRetrainTriggers(db: Executor, now: Date = new Date()): Promise<void> {
  const since = new Date(now.getTime() - LINK_WINDOW_MS).toISOString();
  await db.execute(sql`
    update retrain_triggers t
    set pipeline_run_id = pr.id,
      status = case when pr.status = 'succeeded' then 'succeeded'
        when pr.status in ('failed', 'cancelled', 'skipped') then 'failed'
        else 'running' end::retrain_status,
      updated_at = ${now.toISOString()}::timestamptz
    from pipeline_runs pr join pipelines p on p.id = pr.pipeline_id
    where t.created_at >= ${since}::timestamptz
      and t.status in ('dispatched', 'running')
      and pr.external_id = coalesce(t.external_ref->>'runId', t.external_ref->>'pipelineId')
      and p.connection_id = t.connection_id
      and (t.pipeline_run_id is null or t.pipeline_run_id = pr.id)`);

  const waiting = await db
    .select({ id: retrainTriggers.id, ruleId: retrainTriggers.ruleId, runId: retrainTriggers.pipelineRunId })
    .from(retrainTriggers)
    .where(
      and(
        gte(retrainTriggers.createdAt, new Date(since)),
        isNotNull(retrainTriggers.pipelineRunId),
        isNull(retrainTriggers.modelVersionId),
      ),
    );
  for (const trigger of waiting) {
    const [version] = await db
      .select({ id: modelVersions.id })
      .from(modelVersions)
      .where(eq(modelVersions.sourceRunId, trigger.runId!))
      .orderBy(desc(modelVersions.createdAt))
      .limit(1);
    if (!version) continue;
    const [linked] = await db
      .update(retrainTriggers)
      .set({ modelVersionId: version.id, updatedAt: now })
      .where(and(eq(retrainTriggers.id, trigger.id), isNull(retrainTriggers.modelVersionId)))
      .returning({ id: retrainTriggers.id });
    if (linked) await openRetrainPromotion(db, trigger.id, trigger.ruleId, version.id, now);
  }
}

/**
 * Opens the promotion request a retraining rule asks for. promotion_requests needs a real
 * requesting user, so the request is made on behalf of whoever last created or changed the
 * rule (they chose to auto-promote); it still needs every approval its gate requires.
 */
async function openRetrainPromotion(
  db: Executor,
  triggerId: string,
  ruleId: string,
  versionId: string,
  now: Date,
) {
  const [rule] = await db.select().from(alertRules).where(eq(alertRules.id, ruleId));
  const environmentId = rule?.retrain?.autoPromoteEnvironmentId;
  if (!rule || !environmentId) return;
  const [author] = await db
    .select({ userId: auditEvents.actorUserId })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.targetId, ruleId),
        inArray(auditEvents.action, ["alert_rule.create", "alert_rule.update"]),
        isNotNull(auditEvents.actorUserId),
      ),
    )
    .orderBy(desc(auditEvents.createdAt))
    .limit(1);
  const actor = author?.userId ? await loadSessionActor(db, author.userId) : null;
  try {
    if (!actor) throw new Error("Nobody who can be the requester: the rule's author is missing or disabled.");
    const [trigger] = await db
      .select({ alertId: retrainTriggers.alertId })
      .from(retrainTriggers)
      .where(eq(retrainTriggers.id, triggerId));
    const { request } = await requestPromotion(
      { db, actor, now },
      {
        modelVersionId: versionId,
        environmentId,
        reason: `Retrained after alert "${rule.name}"${trigger?.alertId ? ` (alert ${trigger.alertId})` : ""}.`,
      },
    );
    await db
      .update(retrainTriggers)
      .set({ promotionRequestId: request.id, updatedAt: now })
      .where(eq(retrainTriggers.id, triggerId));
  } catch (error) {
    logger.warn({ err: error, triggerId }, "could not open the retrained version's promotion request");
    await db
      .update(retrainTriggers)
      .set({
        error: `Promotion not requested: ${error instanceof Error ? error.message : String(error)}`.slice(
          0,
          1000,
        ),
        updatedAt: now,
      })
      .where(eq(retrainTriggers.id, triggerId));
  }
}
