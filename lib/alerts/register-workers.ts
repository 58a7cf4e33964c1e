import "server-only";
import type { PgBoss } from "pg-boss";
import type { Database } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { evaluateAlerts } from "./evaluate-alerts";

/**
 * `alerts-evaluate` runs every minute on one worker (a cron job is created once per minute
 * whatever the number of instances); evaluateRule's row lock covers a direct call racing it.
 */
export const ALERT_QUEUES = { evaluate: { name: "alerts-evaluate", cron: "* * * * *" } } as const;

export async function declareAlertQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(ALERT_QUEUES.evaluate.name);
  await boss.schedule(ALERT_QUEUES.evaluate.name, ALERT_QUEUES.evaluate.cron);
}

export async function registerAlertWorkers(boss: PgBoss, db: Database): Promise<void> {
  await boss.work(ALERT_QUEUES.evaluate.name, async () => {
    const summary = await evaluateAlerts(db);
    if (summary.fired + summary.resolved + summary.failed + summary.retrains + summary.redispatched > 0) {
      logger.info(summary, "evaluated alert rules");
    }
  });
}
