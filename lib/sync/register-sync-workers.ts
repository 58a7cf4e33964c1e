import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { AppError } from "@/lib/api/errors";
import type { Database } from "@/lib/db/client";
import { connections } from "@/lib/db/schema";
import { logger } from "@/lib/log";
import { declareSyncQueues, sendSync } from "./enqueue-sync";
import { SYNC_QUEUES, type SyncJobData } from "./queue-names";
import { syncConnection } from "./sync-connection";

/** Queues a sync of every enabled CI connection; returns how many were asked for. */
export async function pollConnections(
  db: Database,
  send: (connectionId: string) => Promise<void>,
): Promise<number> {
  const rows = await db
    .select({ id: connections.id })
    .from(connections)
    .where(
      and(eq(connections.enabled, true), inArray(connections.kind, ["github", "gitlab", "azure_devops"])),
    );
  for (const row of rows) await send(row.id);
  return rows.length;
}

/** Declares the sync queues and starts the sync and poll workers in this process. */
export async function registerSyncWorkers(boss: PgBoss, db: Database): Promise<void> {
  await declareSyncQueues(boss);
  await boss.work<SyncJobData>(SYNC_QUEUES.connection.name, { localConcurrency: 2 }, async (jobs) => {
    for (const job of jobs) {
      const result = await syncConnection(db, job.data.connectionId).catch((error: unknown) => {
        // Deleted since the job was queued: nothing to sync, nothing to retry.
        if (error instanceof AppError && error.code === "not_found")
          return { scopes: [], skipped: "connection deleted" };
        throw error;
      });
      logger.info(
        { connectionId: job.data.connectionId, reason: job.data.reason, ...result },
        "sync finished",
      );
    }
  });
  await boss.work(SYNC_QUEUES.poll.name, async () => {
    const sent = await pollConnections(db, (connectionId) =>
      sendSync(boss, { connectionId, reason: "poll" }),
    );
    if (sent > 0) logger.info({ sent }, "queued connection syncs");
  });
}
