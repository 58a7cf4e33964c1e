import path from "node:path";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { DatabaseHandle } from "./client";
import type * as schema from "./schema";

const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");
/** Arbitrary constant shared by every instance so only one applies migrations at a time. */
const MIGRATION_LOCK_KEY = 7_411_902_315;

/** Applies pending migrations from drizzle/; safe to call from several instances at once. */
export async function migrateDatabase(handle: DatabaseHandle, folder = MIGRATIONS_FOLDER): Promise<void> {
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase<typeof schema>, { migrationsFolder: folder });
    return;
  }
  const client = await handle.pool!.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migratePg(handle.db, { migrationsFolder: folder });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
}

/** True when every migration in drizzle/ is recorded as applied. */
export async function migrationsApplied(
  handle: DatabaseHandle,
  folder = MIGRATIONS_FOLDER,
): Promise<boolean> {
  const { readMigrationFiles } = await import("drizzle-orm/migrator");
  const expected = readMigrationFiles({ migrationsFolder: folder });
  const { sql } = await import("drizzle-orm");
  try {
    const result = await handle.db.execute<{ hash: string }>(
      sql`select hash from drizzle.__drizzle_migrations`,
    );
    const applied = new Set(result.rows.map((r) => r.hash));
    return expected.every((m) => applied.has(m.hash));
  } catch {
    return false;
  }
}
