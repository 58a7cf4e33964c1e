import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { metricSeries } from "@/lib/db/schema";
import { actorWithRole, expectAppError, insertProject, testActor } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { applyRetention } from "./apply-retention";
import { ingestMetrics } from "./ingest-metrics";
import { expectRollupsMatchPoints } from "./testing";

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describeEachDatabase("applyRetention", (kind) => {
  let handle: Handle;
  let ctx: ServiceContext;
  const now = new Date(Date.UTC(2026, 5, 10, 12, 30));

  const count = async (table: "metric_points" | "metric_rollups") =>
    (await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`))
      .rows[0]!.n;

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    await insertProject(handle.db, { slug: "alpha" });
    ctx = { db: handle.db, actor: await actorWithRole(handle.db, "engineer"), now };
    // One point an hour for 40 days.
    const points = Array.from(
      { length: 40 * 24 },
      (_, i) => [now.getTime() - 40 * DAY + i * HOUR, i] as [number, number],
    );
    await ingestMetrics(ctx, { series: [{ name: "requests", labels: { project: "alpha" }, points }] });
  });
  afterAll(() => handle.drop());

  it("deletes points and rollups older than the retention, in batches, and keeps the rest", async () => {
    expect(await count("metric_points")).toBe(960);
    const result = await applyRetention(
      { db: handle.db, actor: systemActor("metrics-retention"), now },
      { retentionDays: 30, batchSize: 100 },
    );
    // The cutoff is rounded down to the hour: 30 days before 12:30 is 12:00.
    expect(result.cutoff).toEqual(new Date(now.getTime() - 30 * DAY - 30 * 60_000));
    expect(result.points).toBe(240);
    expect(await count("metric_points")).toBe(720);
    const oldest = await handle.db.execute<{ ts: string }>(
      sql`select min(ts)::text as ts from metric_points`,
    );
    expect(new Date(oldest.rows[0]!.ts).getTime()).toBeGreaterThanOrEqual(result.cutoff.getTime());
    const rollups = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from metric_rollups where bucket_start < ${result.cutoff.toISOString()}::timestamptz`,
    );
    expect(rollups.rows[0]!.n).toBe(0);
    // The delete trigger already dropped the emptied buckets; the job's own sweep finds none.
    expect(result.rollups).toBe(0);
    await expectRollupsMatchPoints(handle.db);
    // Running it again finds nothing more.
    expect(
      await applyRetention({ ...ctx, actor: systemActor("again") }, { retentionDays: 30 }),
    ).toMatchObject({
      points: 0,
      rollups: 0,
    });
  });

  it("needs monitoring:write", async () => {
    await expectAppError(
      applyRetention({ ...ctx, actor: testActor("viewer") }, { retentionDays: 30 }),
      "forbidden",
    );
  });

  it("deletes a series' points and rollups when the series is deleted (the trigger that replaces the cascade)", async () => {
    await handle.db.delete(metricSeries);
    expect(await count("metric_points")).toBe(0);
    expect(await count("metric_rollups")).toBe(0);
  });
});
