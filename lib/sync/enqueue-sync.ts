import "server-only";
import type { PgBoss } from "pg-boss";
import type { ManagedConnectionKind } from "@/lib/connections/kinds";
import { logger } from "@/lib/log";
import { sendMlflowImport } from "@/lib/mlflow/register-workers";
import { sendPrometheusPull } from "@/lib/prometheus/register-workers";
import { senderBoss } from "@/lib/webhooks/enqueue";
import { SYNC_QUEUES, type SyncJobData, syncJobKey } from "./queue-names";

type GlobalWithQueues = typeof globalThis & { __tandemSyncQueues?: WeakMap<PgBoss, Promise<void>> };
const holder = globalThis as GlobalWithQueues;

/** Creates the sync queues and the poll schedule; idempotent. */
export function declareSyncQueues(boss: PgBoss): Promise<void> {
  holder.__tandemSyncQueues ??= new WeakMap();
  let declared = holder.__tandemSyncQueues.get(boss);
  if (!declared) {
    declared = (async () => {
      await boss.createQueue(SYNC_QUEUES.connection.name, SYNC_QUEUES.connection.options);
      await boss.createQueue(SYNC_QUEUES.poll.name);
      await boss.schedule(SYNC_QUEUES.poll.name, SYNC_QUEUES.poll.cron);
    })();
    declared.catch(() => holder.__tandemSyncQueues?.delete(boss));
    holder.__tandemSyncQueues.set(boss, declared);
  }
  return declared;
}

/** Queues a sync of one connection on `boss` (a no-op when one already waits). */
export async function sendSync(boss: PgBoss, data: SyncJobData): Promise<void> {
  await declareSyncQueues(boss);
  await boss.send(SYNC_QUEUES.connection.name, data, { singletonKey: syncJobKey(data.connectionId) });
}

/**
 * Asks for a sync (or an MLflow import / Prometheus pull) after a save has committed. Never throws: with no job queue in this
 * process (scripts, tests) or a queue error, the save stands and the next poll syncs.
 * Returns whether a job was queued.
 */
export async function requestSyncAfterCommit(
  connectionId: string,
  reason: SyncJobData["reason"],
  kind: ManagedConnectionKind = "github",
): Promise<boolean> {
  try {
    const boss = await senderBoss();
    if (!boss) return false;
    // Pull kinds have their own jobs (an import, a pull); CI kinds share the sync job.
    if (kind === "mlflow") await sendMlflowImport(boss, connectionId);
    else if (kind === "prometheus") await sendPrometheusPull(boss, connectionId);
    else await sendSync(boss, { connectionId, reason });
    return true;
  } catch (error) {
    logger.warn({ err: error, connectionId }, "could not queue a sync; the next poll will run it");
    return false;
  }
}
