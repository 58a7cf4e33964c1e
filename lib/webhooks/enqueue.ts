import "server-only";
import { sql } from "drizzle-orm";
import { fromDrizzle, type PgBoss } from "pg-boss";
import { getDatabaseHandle } from "@/lib/db";
import type { Executor } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import {
  type DrainJobData,
  drainJobKey,
  type NormalizeJobData,
  normalizeJobKey,
  WEBHOOK_QUEUES,
} from "./queue-names";

type GlobalWithBoss = typeof globalThis & { __tandemBoss?: Promise<PgBoss> };

/**
 * The process's pg-boss for sending. With TANDEM_JOBS=inline the server started it at boot
 * (lib/startup.ts); with TANDEM_JOBS=off this process only enqueues, so a boss without
 * workers is started on first use. Null when none can be had (scripts and tests that start
 * no jobs): deliveries then stay pending and the sweeper sends them later.
 */
export async function senderBoss(): Promise<PgBoss | null> {
  const holder = globalThis as GlobalWithBoss;
  if (!holder.__tandemBoss && env().TANDEM_JOBS === "off") {
    const { startJobs } = await import("@/lib/jobs/start");
    startJobs(await getDatabaseHandle(), { workers: false });
  }
  if (!holder.__tandemBoss) return null;
  try {
    return await holder.__tandemBoss;
  } catch (error) {
    logger.error({ err: error }, "job queue unavailable; webhook deliveries wait for the sweeper");
    return null;
  }
}

/** Sends one delivery's normalize job (with retries) through `boss`, on `db` when given (a transaction). */
export async function sendNormalize(boss: PgBoss, db: Executor | null, deliveryId: number): Promise<void> {
  const data: NormalizeJobData = { deliveryId };
  await boss.send(WEBHOOK_QUEUES.normalize.name, data, {
    singletonKey: normalizeJobKey(deliveryId),
    ...(db ? { db: fromDrizzle(db, sql) } : {}),
  });
}

/**
 * Asks for a drain of the connection's pending deliveries. Returns false when one is already
 * queued (the stately policy absorbs the send): that one starts later and sees them too.
 */
export async function sendDrain(boss: PgBoss, connectionId: string): Promise<boolean> {
  const data: DrainJobData = { connectionId };
  const id = await boss.send(WEBHOOK_QUEUES.drain.name, data, { singletonKey: drainJobKey(connectionId) });
  return id !== null;
}
