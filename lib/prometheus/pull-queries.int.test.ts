import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createConnection } from "@/lib/connections/create-connection";
import { useTestEncryptionKey } from "@/lib/connections/testing/use-test-encryption-key";
import { metricPoints, metricSeries, syncStates } from "@/lib/db/schema";
import { actorWithRole, insertProject } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { createPrometheusClient, matrixToSeries } from "./client";
import { pullPrometheusConnection, rangeFor } from "./pull-queries";
import { startTestPrometheus, type TestPrometheus } from "./testing";

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;

// One real Prometheus for both database kinds; it scrapes a test exporter every second.
let prometheus: TestPrometheus;
beforeAll(async () => {
  prometheus = await startTestPrometheus({ minScrapes: 3 });
}, 60_000);
afterAll(() => prometheus?.stop());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Pulls end a little in the past, so Prometheus has committed every scrape up to `end`. */
const settledNow = () => new Date(Date.now() - 2000);

describeEachDatabase("pullPrometheusConnection against a real Prometheus", (kind) => {
  let handle: Handle;
  let connectionId: string;
  let projectId: string;
  const queries = [
    {
      id: "requests",
      promql: "tandem_test_requests_total",
      seriesName: "http_requests_total",
      stepSeconds: 1,
    },
    {
      id: "temperature",
      promql: "tandem_test_temperature_celsius",
      seriesName: "temperature",
      stepSeconds: 2,
    },
  ];

  beforeAll(async () => {
    useTestEncryptionKey();
    handle = await createTestDatabase(kind);
    const project = await insertProject(handle.db, { slug: "shop" });
    projectId = project.id;
    const ctx = { db: handle.db, actor: await actorWithRole(handle.db, "admin") };
    const created = await createConnection(ctx, {
      kind: "prometheus",
      name: "Local Prometheus",
      baseUrl: prometheus.baseUrl,
      config: {
        queries: [
          ...queries.map((q) => ({ ...q, kind: "service" as const, projectId, labels: { service: "api" } })),
          {
            id: "broken",
            promql: "rate(",
            seriesName: "broken",
            kind: "service",
            projectId,
            labels: {},
            stepSeconds: 1,
          },
        ],
        intervalSeconds: 10,
      },
    });
    expect(created.webhookSecret).toBeNull();
    connectionId = created.connection.id;
  });
  afterAll(() => handle.drop());

  /** Stored points per series, keyed by series name and the Prometheus label that tells them apart. */
  async function stored(name: string): Promise<Map<string, [number, number][]>> {
    const rows = await handle.db
      .select({ labels: metricSeries.labels, ts: metricPoints.ts, value: metricPoints.value })
      .from(metricPoints)
      .innerJoin(metricSeries, eq(metricSeries.id, metricPoints.seriesId))
      .where(and(eq(metricSeries.projectId, projectId), eq(metricSeries.name, name)))
      .orderBy(asc(metricPoints.ts));
    const out = new Map<string, [number, number][]>();
    for (const row of rows) {
      const key = row.labels.room ?? row.labels.route ?? "";
      out.set(key, [...(out.get(key) ?? []), [row.ts.getTime(), row.value]]);
    }
    return out;
  }

  /** What Prometheus itself answers for the same range, keyed like `stored`. */
  async function expected(promql: string, start: number, end: number, step: number) {
    const client = createPrometheusClient({ baseUrl: prometheus.baseUrl });
    const series = matrixToSeries(await client.queryRange({ query: promql, start, end, step }));
    return new Map(series.map((s) => [s.labels.room ?? s.labels.route ?? "", s.points]));
  }

  it("writes what Prometheus answers, then only new points, and records a broken query", async () => {
    const firstNow = settledNow();
    const first = await pullPrometheusConnection(handle.db, connectionId, { now: firstNow });
    expect(first.skipped).toBeNull();
    const byId = new Map(first.queries.map((q) => [q.id, q]));
    expect(byId.get("requests")).toMatchObject({ error: null, series: 1 });
    expect(byId.get("temperature")).toMatchObject({ error: null, series: 2 });
    expect(byId.get("broken")?.error).toMatch(/bad_data|parse error/i);

    // Wait until Prometheus has samples after the first pull's end for every query (a loaded
    // machine can miss scrapes, and a failed scrape leaves a stale gap).
    let secondNow = settledNow();
    for (let tries = 0; tries < 30; tries++) {
      await sleep(1000);
      secondNow = settledNow();
      const fresh = await Promise.all(
        queries.map(async (q) => {
          const r1 = rangeFor(q, undefined, firstNow.getTime() / 1000);
          const r2 = rangeFor(q, r1.end, secondNow.getTime() / 1000);
          if (r2.start > r2.end) return false;
          return [...(await expected(q.promql, r2.start, r2.end, q.stepSeconds)).values()].some(
            (p) => p.length > 0,
          );
        }),
      );
      if (fresh.every(Boolean)) break;
    }
    const second = await pullPrometheusConnection(handle.db, connectionId, { now: secondNow });
    for (const q of queries) {
      const r1 = rangeFor(q, undefined, firstNow.getTime() / 1000);
      const r2 = rangeFor(q, r1.end, secondNow.getTime() / 1000);
      const want = await expected(q.promql, r1.start, r2.end, q.stepSeconds);
      const got = await stored(q.seriesName);
      expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
      for (const [key, points] of want) expect(got.get(key), `${q.id} ${key}`).toEqual(points);
      // The second pull asked only for steps after the first one's end.
      const secondPoints = second.queries.find((r) => r.id === q.id)!.points;
      const newOnes = [...want.values()].flat().filter(([t]) => t > r1.end * 1000).length;
      expect(secondPoints).toBe(newOnes);
      expect(newOnes, q.id).toBeGreaterThan(0);
    }
    const labels = (
      await handle.db
        .select({ labels: metricSeries.labels })
        .from(metricSeries)
        .where(eq(metricSeries.name, "temperature"))
    ).map((r) => r.labels);
    expect(labels).toContainEqual({
      project: "shop",
      service: "api",
      job: "tandem-test",
      instance: expect.any(String),
      room: "a",
    });

    const states = await handle.db.select().from(syncStates).where(eq(syncStates.connectionId, connectionId));
    const byScope = new Map(states.map((s) => [s.scope, s]));
    expect(byScope.get("prometheus:requests")).toMatchObject({ status: "idle", error: null });
    expect(byScope.get("prometheus:broken")).toMatchObject({ status: "failed" });
    expect(byScope.get("prometheus:broken")?.error).toMatch(/query_range/);
  }, 60_000);

  it("writes nothing when pulled for a moment it has already covered", async () => {
    const before = await handle.db.$count(metricPoints);
    const again = await pullPrometheusConnection(handle.db, connectionId, {
      now: new Date(Date.now() - 60_000),
    });
    expect(again.queries.filter((q) => q.id !== "broken")).toEqual([
      { id: "requests", series: 0, points: 0, error: null },
      { id: "temperature", series: 0, points: 0, error: null },
    ]);
    expect(await handle.db.$count(metricPoints)).toBe(before);
  }, 30_000);
});
