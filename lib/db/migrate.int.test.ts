import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "./client";
import { migrateDatabase, migrationsApplied } from "./migrate";
import { createTestDatabase, describeEachDatabase } from "./testing";

describeEachDatabase("migrations", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle.drop());

  it("creates every domain table and records itself as applied", async () => {
    const result = await handle.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const tables = result.rows.map((r) => r.table_name);
    for (const table of [
      "users",
      "api_tokens",
      "pipeline_runs",
      "deployments",
      "model_versions",
      "promotion_requests",
      "metric_points",
      "audit_events",
      "webhook_deliveries",
    ]) {
      expect(tables).toContain(table);
    }
    expect(await migrationsApplied(handle)).toBe(true);
  });

  it("is idempotent when run again", async () => {
    await migrateDatabase(handle);
    expect(await migrationsApplied(handle)).toBe(true);
  });

  it("reports missing migrations on an empty database", async () => {
    const empty = await createTestDatabase(kind);
    await empty.db.execute(sql`drop schema drizzle cascade`);
    expect(await migrationsApplied(empty)).toBe(false);
    await empty.drop();
  });
});
