/**
 * `npm run bench:metrics`: metric ingest through `POST /api/v1/metrics` and 30-day chart
 * reads, on a fresh Postgres database (BENCH_DATABASE_URL, default the local server) that
 * it creates and drops. Knobs: BENCH_POINTS (default 10,000,000), BENCH_SERIES (100),
 * BENCH_BATCH (50,000 points a request), BENCH_CLIENTS (concurrent ingest clients, 2),
 * BENCH_READS (chart reads per row, 800), BENCH_KEEP=1 (keep the database to inspect).
 */
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/lib/db/client";
import { loadAverage, percentile, runConcurrent, stubServerOnly, withBenchDatabase } from "./bench-lib";

stubServerOnly();
// One log line per request would be most of the output (and some of the time).
process.env.LOG_LEVEL ??= "silent";
const { POST } = await import("@/app/api/v1/metrics/route");
const { GET: getPoints } = await import("@/app/api/v1/series/points/route");
const { systemActor } = await import("@/lib/auth/actor");
const { generateApiToken } = await import("@/lib/auth/api-token");
// Not a React hook despite its name; renamed so the hooks lint rule leaves it alone.
const { useDatabaseHandle: installDatabaseHandle } = await import("@/lib/db");
const { openDatabase } = await import("@/lib/db/client");
const { migrateDatabase } = await import("@/lib/db/migrate");
const { apiTokens, metricSeries, projects, users } = await import("@/lib/db/schema");
const { readSeries } = await import("@/lib/monitoring/read-series");

const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const POINTS = Number(process.env.BENCH_POINTS ?? 10_000_000);
const SERIES = Number(process.env.BENCH_SERIES ?? 100);
const BATCH = Number(process.env.BENCH_BATCH ?? 50_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 2);
const READS = Number(process.env.BENCH_READS ?? 800);
const READERS = 16;
const DAY = 86_400_000;

/**
 * The request bodies, built before timing starts (a real sender builds them on its own
 * machine): batch b carries the next BATCH / SERIES points of every series, spaced so
 * that each series spans the last 30 days.
 */
function buildBodies(now: number): string[] {
  const perSeries = Math.floor(POINTS / SERIES);
  const perBatch = Math.max(1, Math.floor(BATCH / SERIES));
  const step = Math.floor((30 * DAY) / perSeries);
  const first = now - perSeries * step;
  const bodies: string[] = [];
  for (let k0 = 0; k0 < perSeries; k0 += perBatch) {
    const series = Array.from({ length: SERIES }, (_, s) => {
      const points: [number, number][] = [];
      for (let k = k0; k < Math.min(perSeries, k0 + perBatch); k++) {
        const t = first + k * step;
        points.push([
          t,
          Math.round((100 + 20 * Math.sin(t / 3_600_000 + s) + Math.random() * 5) * 100) / 100,
        ]);
      }
      return {
        name: "latency_p95_ms",
        labels: { project: "bench", environment: "production", service: `svc-${s}` },
        unit: "ms",
        points,
      };
    });
    bodies.push(JSON.stringify({ series }));
  }
  return bodies;
}

/** Ingests through the route handler, then times chart reads; prints markdown tables. */
async function bench(handle: DatabaseHandle, host: string, database: string) {
  await migrateDatabase(handle);
  installDatabaseHandle(handle);
  const db = handle.db;
  await db.insert(projects).values({ slug: "bench", name: "Bench" });
  const [user] = await db
    .insert(users)
    .values({ email: "bench@example.test", name: "Bench", role: "engineer" })
    .returning();
  const token = generateApiToken();
  await db.insert(apiTokens).values({
    userId: user!.id,
    name: "bench",
    tokenHash: token.hash,
    prefix: token.prefix,
    scopes: ["monitoring:write", "monitoring:read"],
  });
  const headers = { authorization: `Bearer ${token.secret}`, "content-type": "application/json" };
  const now = Date.now();

  console.log(`bench:metrics on ${host} (database ${database}), load average ${loadAverage()} (1/5/15 min)`);
  const built = performance.now();
  const bodies = buildBodies(now);
  const mb = bodies.reduce((sum, b) => sum + b.length, 0) / 1e6;
  console.log(
    `built ${bodies.length} request bodies (${mb.toFixed(0)} MB) in ${Math.round(performance.now() - built)} ms`,
  );

  let points = 0;
  const ingest = await runConcurrent(bodies.length, CLIENTS, async (i) => {
    const request = new Request("http://bench.test/api/v1/metrics", {
      method: "POST",
      headers,
      body: bodies[i]!,
    });
    const response = await POST(request, { params: Promise.resolve({}) });
    if (response.status !== 200) throw new Error(`batch ${i}: ${response.status} ${await response.text()}`);
    points += ((await response.json()) as { points: number }).points;
    bodies[i] = "";
  });
  const perSecond = (points / ingest.wallMs) * 1000;
  const loadAfterIngest = loadAverage();

  await db.execute(sql`analyze metric_points`);
  await db.execute(sql`analyze metric_rollups`);
  const sizes = await db.execute<{ points: string; rollups: string; rollup_rows: number }>(sql`
    select pg_size_pretty(pg_total_relation_size('metric_points')) as points,
      pg_size_pretty(pg_total_relation_size('metric_rollups')) as rollups,
      (select count(*)::int from metric_rollups) as rollup_rows`);
  const series = await db.select({ id: metricSeries.id }).from(metricSeries);
  const ctx = { db, actor: systemActor("bench") };
  const to = new Date(now + 60_000);
  const from = new Date(to.getTime() - 30 * DAY);
  const returned: number[] = [];
  const pick = (i: number) => series[(i * 37) % series.length]!.id;
  const reads: [string, (i: number) => Promise<unknown>][] = [
    [
      "readSeries, 1 series, 30 d, maxPoints 1000",
      async (i) => {
        const reading = await readSeries(ctx, { seriesIds: [pick(i)], from, to, maxPoints: 1000 });
        returned.push(reading.series[0]!.buckets.length);
      },
    ],
    [
      // The body is Postgres-written JSON with buckets as [t, min, max, avg, count] arrays;
      // parsing it here counts too, as a browser would.
      "GET /api/v1/series/points (same, with token check)",
      async (i) => {
        const query = `ids=${pick(i)}&from=${from.toISOString()}&to=${to.toISOString()}&maxPoints=1000`;
        const request = new Request(`http://bench.test/api/v1/series/points?${query}`, { headers });
        const response = await getPoints(request, { params: Promise.resolve({}) });
        if (response.status !== 200) throw new Error(`read: ${response.status} ${await response.text()}`);
        await response.json();
      },
    ],
    [
      "for comparison: raw date_bin over metric_points (no rollups)",
      (i) =>
        db.execute(sql`
          select date_bin(make_interval(secs => 2592), ts, ${from.toISOString()}::timestamptz) as b,
            min(value), max(value), avg(value), count(*)
          from metric_points where series_id = ${pick(i)}
            and ts >= ${from.toISOString()}::timestamptz and ts < ${to.toISOString()}::timestamptz
          group by 1 order by 1`),
    ],
  ];
  const readRows: string[] = [];
  for (const [label, read] of reads) {
    await runConcurrent(32, READERS, read); // warm caches and plans
    const calls = label.startsWith("for comparison") ? Math.min(READS, 160) : READS;
    const r = await runConcurrent(calls, READERS, read);
    readRows.push(
      `| ${label} | ${READERS} | ${[50, 95, 99].map((p) => percentile(r.samples, p).toFixed(1)).join(" | ")} | ${Math.round((calls / r.wallMs) * 1000)} |`,
    );
  }

  const sorted = returned.sort((a, b) => a - b);
  console.log(`\n| ingest through POST /api/v1/metrics | value |\n|---|---|`);
  console.log(`| points stored | ${points.toLocaleString("en")} in ${SERIES} series |`);
  console.log(
    `| requests | ${bodies.length} of ${BATCH.toLocaleString("en")} points, ${CLIENTS} concurrent clients |`,
  );
  console.log(`| wall time | ${(ingest.wallMs / 1000).toFixed(1)} s |`);
  console.log(`| throughput | **${Math.round(perSecond).toLocaleString("en")} points/s** |`);
  console.log(
    `| request latency p50 / p95 | ${percentile(ingest.samples, 50).toFixed(0)} / ${percentile(ingest.samples, 95).toFixed(0)} ms |`,
  );
  console.log(
    `| table size: metric_points / metric_rollups | ${sizes.rows[0]!.points} / ${sizes.rows[0]!.rollups} (${sizes.rows[0]!.rollup_rows.toLocaleString("en")} rollup rows) |`,
  );
  console.log(`| load average after ingest | ${loadAfterIngest} |`);
  console.log(
    `\n| 30-day chart read | clients | p50 ms | p95 ms | p99 ms | reads/s |\n|---|---|---|---|---|---|`,
  );
  for (const row of readRows) console.log(row);
  console.log(`\npoints returned per series: min ${sorted[0]}, max ${sorted.at(-1)} (limit 1000)`);
  console.log(`load average at the end: ${loadAverage()}`);
}

await withBenchDatabase(SERVER, async (url, name) => {
  const handle = await openDatabase({ url: url.toString(), poolSize: READERS + 4 });
  try {
    await bench(handle, url.host, name);
  } finally {
    await handle.close();
  }
});
