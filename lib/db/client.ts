import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock";
import * as schema from "./schema";

export type Schema = typeof schema;
/** One type for both drivers: their query APIs are the same at runtime. */
export type Database = NodePgDatabase<Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Database | Transaction;

export type DatabaseHandle = {
  kind: "postgres" | "pglite";
  db: Database;
  /** Connection string (Postgres only), for clients that open their own pool such as pg-boss. */
  url?: string;
  /** Raw SQL access for pg-boss and maintenance. */
  pool?: pg.Pool;
  pglite?: PGlite;
  close: () => Promise<void>;
};

export type DatabaseTarget = { url: string; poolSize?: number } | { dataDir: string | null };

/** Opens a database handle. `dataDir: null` is an in-memory PGlite (tests). */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if ("url" in target) {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    pool.on("error", () => {
      // An idle client lost its connection; the pool replaces it on next use.
    });
    const db = drizzlePg(pool, { schema, casing: "snake_case" });
    return { kind: "postgres", db, pool, url: target.url, close: () => pool.end() };
  }
  const release = target.dataDir ? lockDataDir(target.dataDir) : () => {};
  try {
    const pglite = target.dataDir ? new PGlite(path.resolve(target.dataDir, "pg")) : new PGlite();
    await pglite.waitReady;
    const db = drizzlePglite(pglite, { schema, casing: "snake_case" }) as unknown as Database;
    return {
      kind: "pglite",
      db,
      pglite,
      close: async () => {
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
