import "server-only";
import { and, eq } from "drizzle-orm";
import type { PgBoss, Queue } from "pg-boss";
import { mlflowConnectionConfigSchema } from "@/lib/connections/config-schema";
import type { Database } from "@/lib/db/client";
import { connections } from "@/lib/db/schema";
import { logger } from "@/lib/log";
import { importMlflowConnection } from "./import-connection";

/**
 * `mlflow-schedule` runs every minute and sends an `mlflow-import` job for each enabled
 * MLflow connection whose last import is older than its `intervalMinutes`. The import queue
 * is `exclusive` per connection, so one connection never runs two imports at once.
 */
export const MLFLOW_QUEUES = {
  schedule: { name: "mlflow-schedule", cron: "* * * * *" },
  import: {
    name: "mlflow-import",
    options: { policy: "exclusive", retryLimit: 2, retryDelay: 60, expireInSeconds: 3600 } satisfies Omit<
      Queue,
      "name"
    >,
  },
} as const;

export type MlflowImportJob = { connectionId: string };

/** Whether a connection's next import is due; a connection never imported is. */
export function isImportDue(lastSyncAt: Date | null, intervalMinutes: number, now: Date): boolean {
  // A few seconds of slack, so a 1-minute interval does not slip to every other cron tick.
  return !lastSyncAt || now.getTime() - lastSyncAt.getTime() >= intervalMinutes * 60_000 - 5_000;
}

/** Sends one import now (also used after a connection is created or changed). */
export async function sendMlflowImport(boss: PgBoss, connectionId: string): Promise<void> {
  const data: MlflowImportJob = { connectionId };
  await boss.send(MLFLOW_QUEUES.import.name, data, { singletonKey: connectionId });
}

export async function declareMlflowQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(MLFLOW_QUEUES.schedule.name);
  await boss.schedule(MLFLOW_QUEUES.schedule.name, MLFLOW_QUEUES.schedule.cron);
  await boss.createQueue(MLFLOW_QUEUES.import.name, MLFLOW_QUEUES.import.options);
}

export async function registerMlflowWorkers(boss: PgBoss, db: Database): Promise<void> {
  await boss.work(MLFLOW_QUEUES.schedule.name, async () => {
    const now = new Date();
    const rows = await db
      .select({ id: connections.id, config: connections.config, lastSyncAt: connections.lastSyncAt })
      .from(connections)
      .where(and(eq(connections.kind, "mlflow"), eq(connections.enabled, true)));
    for (const row of rows) {
      const config = mlflowConnectionConfigSchema.safeParse(row.config ?? {});
      if (config.success && isImportDue(row.lastSyncAt, config.data.intervalMinutes, now)) {
        await sendMlflowImport(boss, row.id);
      }
    }
  });
  await boss.work<MlflowImportJob>(MLFLOW_QUEUES.import.name, async (jobs) => {
    for (const job of jobs) {
      // Failures are recorded on the sync state and resumed by the next scheduled pass.
      const result = await importMlflowConnection(db, job.data.connectionId);
      logger.info({ connectionId: job.data.connectionId, ...result }, "mlflow import");
    }
  });
}
