import "server-only";
import type { PgBoss } from "pg-boss";
import { declareAlertQueues, registerAlertWorkers } from "@/lib/alerts/register-workers";
import { systemActor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/client";
import { declareDriftQueues, registerDriftWorkers } from "@/lib/drift/register-workers";
import { env } from "@/lib/env";
import { expirePromotions } from "@/lib/gates/expire-promotions";
import { declareGateQueues, registerGateWorkers } from "@/lib/gates/register-gate-workers";
import { logger } from "@/lib/log";
import { declareMlflowQueues, registerMlflowWorkers } from "@/lib/mlflow/register-workers";
import { applyRetention } from "@/lib/monitoring/apply-retention";
import { declareNotificationQueues, registerNotificationWorkers } from "@/lib/notifications/register-workers";
import { declarePrometheusQueues, registerPrometheusWorkers } from "@/lib/prometheus/register-workers";
import { registerSyncWorkers } from "@/lib/sync/register-sync-workers";
import { declareWebhookQueues, registerWebhookWorkers } from "@/lib/webhooks/register-workers";

/** Every queue Tandem uses, with its schedule when it is periodic. */
export const QUEUES = {
  expirePromotions: { name: "promotions-expire", cron: "* * * * *" },
  /** Daily, at a quiet hour: deletes metric points and rollups past TANDEM_METRICS_RETENTION_DAYS. */
  metricsRetention: { name: "metrics-retention", cron: "17 3 * * *" },
} as const;

/** Creates the queues and schedules; idempotent, safe from every instance. */
export async function declareQueues(boss: PgBoss): Promise<void> {
  for (const queue of Object.values(QUEUES)) {
    await boss.createQueue(queue.name);
    if (queue.cron) await boss.schedule(queue.name, queue.cron);
  }
  // Webhook queues need their own options (policy, retries); see lib/webhooks/queue-names.ts.
  await declareWebhookQueues(boss);
  await declareMlflowQueues(boss);
  await declarePrometheusQueues(boss);
  await declareNotificationQueues(boss);
  await declareAlertQueues(boss);
  await declareDriftQueues(boss);
  await declareGateQueues(boss);
}

/** Starts the workers of this process. */
export async function registerWorkers(boss: PgBoss, db: Database): Promise<void> {
  await boss.work(QUEUES.expirePromotions.name, async () => {
    const result = await expirePromotions({ db, actor: systemActor(QUEUES.expirePromotions.name) });
    if (result.expired > 0) logger.info(result, "expired promotion requests");
  });
  await boss.work(QUEUES.metricsRetention.name, async () => {
    const result = await applyRetention(
      { db, actor: systemActor(QUEUES.metricsRetention.name) },
      { retentionDays: env().TANDEM_METRICS_RETENTION_DAYS },
    );
    logger.info(result, "applied metrics retention");
  });
  await registerWebhookWorkers(boss, db);
  await registerMlflowWorkers(boss, db);
  await registerPrometheusWorkers(boss, db);
  await registerNotificationWorkers(boss, db);
  await registerAlertWorkers(boss, db);
  await registerDriftWorkers(boss, db);
  await registerSyncWorkers(boss, db);
  await registerGateWorkers(boss, db);
}
