import "server-only";
import { sql } from "drizzle-orm";
import { fromDrizzle, type PgBoss } from "pg-boss";
import { getDatabaseHandle } from "@/lib/db";
import type { Executor } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { type NormalizeJobData, normalizeJobKey, WEBHOOK_QUEUES } from "./queue-names";

/** Sends the normalize job of a delivery on `db`: inside the caller's transaction when it is one. */
export type EnqueueNormalize = (db: Executor, deliveryId: number) => Promise<void>;

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

/** Sends one delivery's normalize job through `boss`, on `db` (a transaction keeps it atomic with the insert). */
export async function sendNormalize(boss: PgBoss, db: Executor | null, deliveryId: number): Promise<void> {
  const data: NormalizeJobData = { deliveryId };
  await boss.send(WEBHOOK_QUEUES.normalize.name, data, {
    singletonKey: normalizeJobKey(deliveryId),
    ...(db ? { db: fromDrizzle(db, sql) } : {}),
  });
}

/** The enqueue step of a delivery's transaction, or null when no job queue is running. */
export async function normalizeEnqueuer(): Promise<EnqueueNormalize | null> {
  const boss = await senderBoss();
  return boss ? (db, deliveryId) => sendNormalize(boss, db, deliveryId) : null;
}
