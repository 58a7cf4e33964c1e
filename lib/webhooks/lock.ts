import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";

/**
 * Serializes the transactions that touch one provider object (a run, a deployment) until
 * commit, so two workers normalizing events of the same run cannot both create it.
 */
export async function lockProviderObject(tx: Transaction, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}
