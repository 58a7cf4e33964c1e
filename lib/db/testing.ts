import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe } from "vitest";
import { type DatabaseHandle, openDatabase } from "./client";
import { migrateDatabase } from "./migrate";

export type TestDatabaseKind = "pglite" | "postgres";

const postgresUrl = process.env.TEST_DATABASE_URL;

/** The database kinds this run can test: PGlite always, Postgres when TEST_DATABASE_URL is set. */
export const TEST_DATABASE_KINDS: TestDatabaseKind[] = postgresUrl ? ["pglite", "postgres"] : ["pglite"];

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * A fresh, migrated, empty database: in-memory PGlite, or a new Postgres database created
 * for this test file (dropped by `drop`). Tests never share rows.
 */
export async function createTestDatabase(
  kind: TestDatabaseKind,
): Promise<DatabaseHandle & { drop: () => Promise<void> }> {
  if (kind === "pglite") {
    const handle = await openDatabase({ dataDir: null });
    await migrateDatabase(handle);
    return { ...handle, drop: handle.close };
  }
  if (!postgresUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `tandem_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const handle = await openDatabase({ url: withDatabase(postgresUrl, name), poolSize: 8 });
  await migrateDatabase(handle);
  return {
    ...handle,
    drop: async () => {
      await handle.close();
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** Runs a suite once per available database kind; names the kind in the suite title. */
export function describeEachDatabase(title: string, suite: (kind: TestDatabaseKind) => void): void {
  for (const kind of ["pglite", "postgres"] as const) {
    describe.skipIf(!TEST_DATABASE_KINDS.includes(kind))(`${title} [${kind}]`, () => suite(kind));
  }
}
