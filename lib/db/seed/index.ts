import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { planSeed } from "./plan";
import { truncateDomainTables } from "./reset";
import { DEMO_PASSWORD, hashDemoPassword } from "./users";
import { type SeedSummary, writePlan } from "./write";

export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "./demo-accounts";
export { domainTableNames, truncateDomainTables } from "./reset";
export type { SeedSummary } from "./write";

export type SeedOptions = {
  /** The moment the demo is built around; everything is placed relative to it. Default: now. */
  now?: Date;
  /** Empty every domain table first, inside the same transaction (`db:seed --reset`). */
  reset?: boolean;
};

/**
 * Fills an empty, migrated database with the demo organisation: 90 days of pipeline runs,
 * releases, deployments, models, promotions, monitoring and audit history. Runs in one
 * transaction, so a failure leaves nothing behind. Deterministic for a given `now`.
 */
export async function seedDemo(db: Database, options: SeedOptions = {}): Promise<SeedSummary> {
  const now = (options.now ?? new Date()).getTime();
  // Hash outside the transaction: bcrypt is the slowest step and needs no lock.
  const passwordHash = await hashDemoPassword(DEMO_PASSWORD);
  const plan = planSeed(now, passwordHash);
  return db.transaction(async (tx) => {
    if (options.reset) await truncateDomainTables(tx);
    return writePlan(tx, plan);
  });
}

/** Seeds only a database without users (first start of the embedded database); null otherwise. */
export async function seedDemoIfEmpty(db: Database): Promise<SeedSummary | null> {
  if (await hasUsers(db)) return null;
  return seedDemo(db);
}

export async function hasUsers(db: Database): Promise<boolean> {
  const found = await db.select({ one: sql<number>`1` }).from(users).limit(1);
  return found.length > 0;
}
