import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { ServiceContext } from "@/lib/context";
import { metricSeries } from "@/lib/db/schema";
import { actorWithRole, insertProject } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { ingestMetrics } from "./ingest-metrics";
import { expectRollupsMatchPoints } from "./testing";

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;
const MINUTE = 60_000;

/**
 * The rollup triggers (migration 0001) against every way points change: the ingest API's
 * insert and upsert paths, plain SQL writers such as the demo seed, updates that raise or
 * lower a bucket's extreme or move a point, and deletes.
 */
describeEachDatabase("metric_rollups triggers", (kind) => {
  let handle: Handle;
  let ctx: ServiceContext;
  const now = new Date(Date.UTC(2026, 4, 20, 12, 0));
  const h0 = Date.UTC(2026, 4, 20, 8, 0);
  const ingest = (points: [number, number][], service = "api") =>
    ingestMetrics(ctx, { series: [{ name: "latency", labels: { project: "alpha", service }, points }] });
  const seriesId = async () => (await handle.db.select({ id: metricSeries.id }).from(metricSeries))[0]!.id;

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    await insertProject(handle.db, { slug: "alpha" });
    ctx = { db: handle.db, actor: await actorWithRole(handle.db, "engineer"), now };
  });
  beforeEach(() => handle.db.delete(metricSeries));
  afterAll(() => handle.drop());

  it("follows new points, overlapping batches, and replaced extremes", async () => {
    const minutes = (from: number, to: number, value: (i: number) => number) =>
      Array.from(
        { length: to - from },
        (_, i) => [h0 + (from + i) * MINUTE, value(from + i)] as [number, number],
      );
    await ingest(minutes(0, 90, (i) => i));
    await expectRollupsMatchPoints(handle.db);
    // Overlap: 60..89 change (the max of 8:00–9:00 and 9:00–10:00 drops), 90..119 are new.
    await ingest(minutes(60, 120, (i) => (i < 90 ? -i : 2 * i)));
    await expectRollupsMatchPoints(handle.db);
    // The same batch again changes nothing.
    await ingest(minutes(60, 120, (i) => (i < 90 ? -i : 2 * i)));
    await expectRollupsMatchPoints(handle.db);
    // A new low and a new high inside existing buckets.
    await ingest([
      [h0 + 5 * MINUTE, -1000],
      [h0 + 100 * MINUTE, 1000],
    ]);
    await expectRollupsMatchPoints(handle.db);
  });

  it("follows plain SQL writers (the demo seed), updates that move points, and deletes", async () => {
    await ingest([[h0, 1]]);
    const id = await seriesId();
    await handle.db.execute(sql`
      insert into metric_points (series_id, ts, value)
      select ${id}::uuid, ${new Date(h0).toISOString()}::timestamptz + i * interval '1 minute', i
      from generate_series(1, 180) as i`);
    await expectRollupsMatchPoints(handle.db);
    await handle.db.execute(sql`update metric_points set value = value * 2 where value > 100`);
    await expectRollupsMatchPoints(handle.db);
    await handle.db.execute(
      sql`update metric_points set ts = ts + interval '3 hours' where value between 50 and 60`,
    );
    await expectRollupsMatchPoints(handle.db);
    await handle.db.execute(sql`delete from metric_points where value < 20 or value > 300`);
    await expectRollupsMatchPoints(handle.db);
  });

  it("stays exact, without deadlocks, under concurrent overlapping batches", async () => {
    // Four writers over the same two series and hours: new points, replaced values and repeats at once.
    const batch = (w: number) => ({
      series: ["a", "b"].map((service) => ({
        name: "latency",
        labels: { project: "alpha", service },
        points: Array.from({ length: 180 }, (_, i) => [h0 + (w * 30 + i) * MINUTE, (w + 1) * 1000 + i]),
      })),
    });
    const results = await Promise.allSettled([0, 1, 2, 3].map((w) => ingestMetrics(ctx, batch(w))));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
    await expectRollupsMatchPoints(handle.db);
  });

  it("drops a deleted series' points and rollups", async () => {
    await ingest([[h0, 1]], "a");
    await ingest([[h0, 2]], "b");
    await handle.db.delete(metricSeries).where(sql`${metricSeries.labels}->>'service' = 'a'`);
    const left = await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from metric_rollups`);
    expect(left.rows[0]!.n).toBe(2);
    await expectRollupsMatchPoints(handle.db);
  });
});
