import { type Env, env } from "@/lib/env";
import type { DatabaseTarget } from "./client";

/** Where this process's database lives: Postgres when DATABASE_URL is set, else embedded PGlite. */
export function databaseTargetFromEnv(e: Env = env()): DatabaseTarget {
  return e.DATABASE_URL
    ? { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
    : { dataDir: e.TANDEM_DATA_DIR };
}
