import "server-only";
import { logger } from "@/lib/log";
import { type Database, type DatabaseHandle, openDatabase } from "./client";
import { migrateDatabase } from "./migrate";
import { databaseTargetFromEnv } from "./target";

export type { Database, DatabaseHandle, Executor, Transaction } from "./client";

type GlobalWithDb = typeof globalThis & { __tandemDb?: Promise<DatabaseHandle> };
const holder = globalThis as GlobalWithDb;

async function start(): Promise<DatabaseHandle> {
  const target = databaseTargetFromEnv();
  const started = Date.now();
  const handle = await openDatabase(target);
  await migrateDatabase(handle);
  if (handle.kind === "pglite") {
    // First start on the embedded database brings the demo organisation with it.
    const { seedDemoIfEmpty } = await import("./seed");
    await seedDemoIfEmpty(handle.db);
  }
  logger.info({ kind: handle.kind, ms: Date.now() - started }, "database ready");
  return handle;
}

/**
 * The process-wide database handle, opened, migrated and (embedded only) seeded once.
 * Cached on globalThis because Next bundles server code into several module graphs that
 * would otherwise each open their own PGlite on the same folder.
 */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  holder.__tandemDb ??= start().catch((error) => {
    holder.__tandemDb = undefined;
    throw error;
  });
  return holder.__tandemDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/** Makes this process use an already-open handle (tests and scripts that open their own). */
export function useDatabaseHandle(handle: DatabaseHandle): void {
  holder.__tandemDb = Promise.resolve(handle);
}
