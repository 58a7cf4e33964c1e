import "server-only";
import { and, eq } from "drizzle-orm";
import type { PgBoss, Queue } from "pg-boss";
import { prometheusConnectionConfigSchema } from "@/lib/connections/config-schema";
import type { Database } from "@/lib/db/client";
import { connections } from "@/lib/db/schema";
import { logger } from "@/lib/log";
import { pullPrometheusConnection } from "./pull-queries";

/**
 * `prometheus-schedule` runs every minute (pg-boss's finest cron) and sends the minute's
 * `prometheus-pull` jobs of each enabled Prometheus connection, deferred by its
 * `intervalSeconds` (0 s, 15 s, 30 s, 45 s for 15 s); longer intervals send one job when due.
 */
export const PROMETHEUS_QUEUES = {
  schedule: { name: "prometheus-schedule", cron: "* * * * *" },
  pull: {
    name: "prometheus-pull",
    options: { policy: "stately", retryLimit: 0, expireInSeconds: 300 } satisfies Omit<Queue, "name">,
  },
} as const;

export type PrometheusPullJob = { connectionId: string };

/** Seconds into the coming minute at which to pull; empty when the connection is not due yet. */
export function pullOffsets(lastSyncAt: Date | null, intervalSeconds: number, now: Date): number[] {
  if (intervalSeconds < 60)
    return Array.from({ length: Math.ceil(60 / intervalSeconds) }, (_, k) => k * intervalSeconds);
  const due = !lastSyncAt || now.getTime() - lastSyncAt.getTime() >= intervalSeconds * 1000 - 5_000;
  return due ? [0] : [];
}

/** Sends one pull now ("Sync now" on the connection page); at most one waits per connection. */
export async function sendPrometheusPull(boss: PgBoss, connectionId: string): Promise<void> {
  const data: PrometheusPullJob = { connectionId };
  await boss.send(PROMETHEUS_QUEUES.pull.name, data, { singletonKey: connectionId });
}

export async function declarePrometheusQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(PROMETHEUS_QUEUES.schedule.name);
  await boss.schedule(PROMETHEUS_QUEUES.schedule.name, PROMETHEUS_QUEUES.schedule.cron);
  await boss.createQueue(PROMETHEUS_QUEUES.pull.name, PROMETHEUS_QUEUES.pull.options);
}

export async function registerPrometheusWorkers(boss: PgBoss, db: Database): Promise<void> {
  await boss.work(PROMETHEUS_QUEUES.schedule.name, async () => {
    const now = new Date();
    const rows = await db
      .select({ id: connections.id, config: connections.config, lastSyncAt: connections.lastSyncAt })
      .from(connections)
      .where(and(eq(connections.kind, "prometheus"), eq(connections.enabled, true)));
    for (const row of rows) {
      const config = prometheusConnectionConfigSchema.safeParse(row.config ?? {});
      if (!config.success) continue;
      for (const [slot, offset] of pullOffsets(row.lastSyncAt, config.data.intervalSeconds, now).entries()) {
        const data: PrometheusPullJob = { connectionId: row.id };
        // One key per slot: `stately` keeps at most one queued job per slot of a connection.
        await boss.send(PROMETHEUS_QUEUES.pull.name, data, {
          singletonKey: `${row.id}:${slot}`,
          startAfter: offset,
        });
      }
    }
  });
  await boss.work<PrometheusPullJob>(PROMETHEUS_QUEUES.pull.name, { localConcurrency: 2 }, async (jobs) => {
    for (const job of jobs) {
      const result = await pullPrometheusConnection(db, job.data.connectionId);
      const failed = result.queries.filter((q) => q.error);
      if (failed.length > 0)
        logger.warn({ connectionId: job.data.connectionId, failed }, "prometheus pull errors");
    }
  });
}
