import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "@/lib/db/client";
import * as schema from "@/lib/db/schema";

/** Every table the schema declares; migrations bookkeeping and job queues live elsewhere. */
export function domainTableNames(): string[] {
  return Object.values(schema as Record<string, unknown>)
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => getTableName(table))
    .sort();
}

/** Empties every domain table and restarts their id sequences (used by `db:seed --reset`). */
export async function truncateDomainTables(db: Executor): Promise<void> {
  const list = domainTableNames().map((name) => sql.identifier(name));
  await db.execute(sql`truncate table ${sql.join(list, sql`, `)} restart identity cascade`);
}
