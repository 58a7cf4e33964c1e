import { afterAll, beforeAll, expect, it } from "vitest";
import type { ServiceContext } from "@/lib/context";
import { actorWithRole, expectAppError, insertProject, testActor } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { ingestMetrics } from "./ingest-metrics";
import { planRead } from "./plan-read";
import { readSeries, readSeriesJson, type SeriesReadingWire } from "./read-series";

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describeEachDatabase("readSeries", (kind) => {
  let handle: Handle;
  let ctx: ServiceContext;
  const now = new Date();
  const start = Math.floor(now.getTime() / DAY) * DAY - 10 * DAY;
  const ids: Record<string, string> = {};
  /** What was written, to check the database against. */
  const written: Record<string, [number, number][]> = {};

  async function ingest(name: string, points: [number, number][]) {
    await ingestMetrics(ctx, { series: [{ name, labels: { project: "alpha" }, points }] });
    written[name] = [...(written[name] ?? []), ...points];
  }

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    const project = await insertProject(handle.db, { slug: "alpha" });
    ctx = { db: handle.db, actor: await actorWithRole(handle.db, "engineer"), now };
    // Ten days at one point a minute, a single-sample spike on day 4, and a six-hour hole on day 6.
    const hole = [start + 6 * DAY, start + 6 * DAY + 6 * HOUR];
    const points: [number, number][] = [];
    for (let t = start + 7 * MINUTE + 13_000; t < start + 10 * DAY; t += MINUTE) {
      if (t >= hole[0]! && t < hole[1]!) continue;
      points.push([t, 50 + 10 * Math.sin(t / HOUR)]);
    }
    points.find(([t]) => t > start + 4 * DAY)![1] = 999;
    // Two requests, the second overlapping the first, so rollups take both the additive and the recompute path.
    await ingest("latency", points.slice(0, 9000));
    await ingest("latency", points.slice(8000));
    await ingest("sparse", [
      [start + DAY, 1],
      [start + 5 * DAY, 2],
    ]);
    const reading = await readSeries(ctx, { seriesIds: [], from: new Date(start), to: now }).catch(
      () => null,
    );
    expect(reading).toBeNull();
    const { listSeries } = await import("./list-series");
    for (const s of (await listSeries(ctx, { projectIds: [project.id] })).items) ids[s.name] = s.id;
  });
  afterAll(() => handle.drop());

  /** The same buckets computed from the written points in JavaScript. */
  function expected(name: string, from: number, to: number, maxPoints: number) {
    const plan = planRead(from, to, maxPoints);
    const buckets = new Map<number, { min: number; max: number; sum: number; count: number }>();
    for (const [t, v] of new Map(written[name]!)) {
      if (t < from || t >= to) continue;
      const b = plan.originMs + Math.floor((t - plan.originMs) / plan.bucketMs) * plan.bucketMs;
      const cur = buckets.get(b) ?? { min: v, max: v, sum: 0, count: 0 };
      buckets.set(b, {
        min: Math.min(cur.min, v),
        max: Math.max(cur.max, v),
        sum: cur.sum + v,
        count: cur.count + 1,
      });
    }
    return [...buckets.entries()].sort(([a], [b]) => a - b);
  }

  it.each([
    ["30 days (hourly rollups)", 30 * DAY, 1000],
    ["10 days in 100 points (3-hour buckets from hourly rollups)", 10 * DAY, 100],
    ["7 days (10-minute rollups)", 7 * DAY, 1000],
    ["ragged edges (10-minute rollups)", 3 * DAY + 17 * MINUTE + 5_000, 200],
    ["1 day (raw points)", DAY, 1000],
  ])("%s: at most maxPoints buckets, equal to a read of the raw points", async (_label, span, maxPoints) => {
    const to = start + 10 * DAY - 3 * HOUR - 1234;
    const from = to - span;
    const reading = await readSeries(ctx, {
      seriesIds: [ids.latency!],
      from: new Date(from),
      to: new Date(to),
      maxPoints,
    });
    const buckets = reading.series[0]!.buckets;
    expect(buckets.length).toBeLessThanOrEqual(maxPoints);
    const want = expected("latency", from, to, maxPoints);
    expect(buckets.map((b) => b.bucketStart.getTime())).toEqual(want.map(([b]) => b));
    for (const [i, [, w]] of want.entries()) {
      expect(buckets[i]).toMatchObject({ min: w.min, max: w.max, count: w.count });
      expect(buckets[i]!.avg).toBeCloseTo(w.sum / w.count, 9);
    }
  });

  it("keeps a one-sample spike as its bucket's max over a 30-day range", async () => {
    const reading = await readSeries(ctx, {
      seriesIds: [ids.latency!],
      from: new Date(now.getTime() - 30 * DAY),
      to: now,
    });
    const buckets = reading.series[0]!.buckets;
    expect(buckets.length).toBeLessThanOrEqual(1000);
    expect(Math.max(...buckets.map((b) => b.max))).toBe(999);
    expect(Math.max(...buckets.map((b) => b.avg))).toBeLessThan(999);
  });

  it("leaves empty buckets out: gaps are gaps, never zeros", async () => {
    const from = start + 5 * DAY;
    const reading = await readSeries(ctx, {
      seriesIds: [ids.latency!, ids.sparse!],
      from: new Date(from),
      to: new Date(from + 2 * DAY),
      maxPoints: 48,
    });
    const [latency, sparse] = reading.series;
    const hole = latency!.buckets.filter(
      (b) =>
        b.bucketStart.getTime() >= start + 6 * DAY && b.bucketStart.getTime() < start + 6 * DAY + 6 * HOUR,
    );
    expect(hole).toEqual([]);
    expect(latency!.buckets).toHaveLength(42);
    expect(latency!.buckets.every((b) => b.count > 0 && b.min > 0)).toBe(true);
    expect(sparse!.buckets).toEqual([{ bucketStart: new Date(from), min: 2, max: 2, avg: 2, count: 1 }]);
  });

  it("hides series of projects outside a limited actor (404), and checks its input", async () => {
    const limited = { ...ctx, actor: testActor("viewer", ["00000000-0000-0000-0000-000000000001"]) };
    const read = { seriesIds: [ids.latency!], from: new Date(start), to: now };
    await expectAppError(readSeries(limited, read), "not_found");
    await expectAppError(readSeries(ctx, { ...read, from: now, to: new Date(start) }), "invalid_request");
    const many = Array.from({ length: 21 }, () => ids.latency!);
    await expectAppError(readSeries(ctx, { ...read, seriesIds: many }), "invalid_request");
    await expectAppError(readSeries(ctx, { ...read, seriesIds: [] }), "invalid_request");
  });

  it("serialises the same reading as compact JSON (readSeriesJson), series in request order", async () => {
    const read = {
      seriesIds: Object.values(ids).reverse() as string[],
      from: new Date(start),
      to: now,
      maxPoints: 300,
    };
    const objects = await readSeries(ctx, read);
    const wire = JSON.parse(await readSeriesJson(ctx, read)) as SeriesReadingWire;
    expect(wire.from).toBe(objects.from.toISOString());
    expect(wire.origin).toBe(objects.origin.toISOString());
    expect(wire.bucketMs).toBe(objects.bucketMs);
    expect(wire.series.map((s) => s.id)).toEqual(objects.series.map((s) => s.id));
    for (const [i, s] of objects.series.entries()) {
      expect(wire.series[i]).toMatchObject({ key: s.key, name: s.name, unit: s.unit, labels: s.labels });
      expect(wire.series[i]!.buckets).toHaveLength(s.buckets.length);
      for (const [j, b] of s.buckets.entries()) {
        const [t, min, max, avg, count] = wire.series[i]!.buckets[j]!;
        expect([t, min, max, count]).toEqual([b.bucketStart.getTime(), b.min, b.max, b.count]);
        expect(avg).toBeCloseTo(b.avg, 9);
      }
    }
    const limited = { ...ctx, actor: testActor("viewer", ["00000000-0000-0000-0000-000000000001"]) };
    await expectAppError(readSeriesJson(limited, read), "not_found");
  });
});
