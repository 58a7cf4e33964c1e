import "server-only";
import type { PgBoss } from "pg-boss";
import type { DatabaseHandle } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { createBoss } from "./boss";
import { declareQueues, registerWorkers } from "./queues";

type GlobalWithBoss = typeof globalThis & { __tandemBoss?: Promise<PgBoss> };
const holder = globalThis as GlobalWithBoss;

/** Starts pg-boss once per process; with `workers` this process also runs the job handlers. */
export function startJobs(handle: DatabaseHandle, options: { workers: boolean }): Promise<PgBoss> {
  holder.__tandemBoss ??= (async () => {
    const boss = createBoss(handle);
    await boss.start();
    await declareQueues(boss);
    if (options.workers) await registerWorkers(boss, handle.db);
    logger.info({ workers: options.workers, database: handle.kind }, "job queue started");
    return boss;
  })();
  return holder.__tandemBoss;
}
