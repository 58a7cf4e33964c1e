import "server-only";
import type { PgBoss } from "pg-boss";
import type { Database } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { computeDriftReport, sweepPendingReports } from "./compute-report";
import { DRIFT_QUEUES, type DriftJobData } from "./queue-names";

export async function declareDriftQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(DRIFT_QUEUES.compute.name, DRIFT_QUEUES.compute.options);
  await boss.createQueue(DRIFT_QUEUES.sweep.name);
  await boss.schedule(DRIFT_QUEUES.sweep.name, DRIFT_QUEUES.sweep.cron);
}

export async function registerDriftWorkers(boss: PgBoss, db: Database): Promise<void> {
  await boss.work<DriftJobData>(DRIFT_QUEUES.compute.name, async (jobs) => {
    for (const job of jobs) await computeDriftReport(db, job.data.reportId);
  });
  await boss.work(DRIFT_QUEUES.sweep.name, async () => {
    const computed = await sweepPendingReports(db);
    if (computed > 0) logger.info({ computed }, "scored pending drift reports");
  });
}
