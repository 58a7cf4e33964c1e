/**
 * `npm run bench:models`: the model page's read (getModel) and the compare read
 * (compareVersions) on a fresh Postgres database (BENCH_DATABASE_URL, default the local
 * server) that it creates and drops. One model with 1,000 versions and 1,000,000 metric
 * history points: the 5 newest versions have 2 metrics × 20,000 steps (200,000 points, the
 * "long histories" compared), the other 995 share the remaining 800,000. The model page's read
 * is its default view: the first 50 versions of the table, the metric columns, and the primary
 * metric across all 1,000 versions for the chart. Knobs: BENCH_READS
 * (calls per read, 400), BENCH_KEEP=1 (keep the database to inspect).
 */
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/lib/db/client";
import { loadAverage, percentile, runConcurrent, stubServerOnly, withBenchDatabase } from "./bench-lib";

stubServerOnly();
process.env.LOG_LEVEL ??= "silent";
const { systemActor } = await import("@/lib/auth/actor");
const { openDatabase } = await import("@/lib/db/client");
const { migrateDatabase } = await import("@/lib/db/migrate");
const { getModel } = await import("@/lib/models/get-model");
const { compareVersions } = await import("@/lib/models/compare/compare-versions");

const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const READS = Number(process.env.BENCH_READS ?? 400);
const CLIENTS = 16;
const VERSIONS = 1_000;
const LONG = 5;
const LONG_STEPS = 20_000;
const KEYS = ["loss", "val_auc"];
const TOTAL_POINTS = 1_000_000;

async function bench(handle: DatabaseHandle, host: string, database: string) {
  await migrateDatabase(handle);
  const db = handle.db;
  console.log(`bench:models on ${host} (database ${database}), load average ${loadAverage()} (1/5/15 min)`);
  const seeded = performance.now();
  const shortSteps = Math.floor(
    (TOTAL_POINTS - LONG * KEYS.length * LONG_STEPS) / ((VERSIONS - LONG) * KEYS.length),
  );
  await db.execute(sql`insert into projects (slug, name) values ('bench', 'Bench')`);
  await db.execute(sql`insert into environments (project_id, slug, name, position, is_production)
    select id, 'production', 'Production', 1, true from projects`);
  await db.execute(sql`insert into models (project_id, name, primary_metric)
    select id, 'ranker', 'val_auc' from projects`);
  await db.execute(sql`insert into model_versions (model_id, version, metrics, params, created_at)
    select m.id, n,
      jsonb_build_object('val_auc', 0.7 + random() * 0.2, 'loss', random(), 'latency_ms', 10 + random() * 20),
      jsonb_build_object('lr', (0.001 * (1 + n % 10))::text, 'depth', (4 + n % 6)::text),
      now() - make_interval(mins => ${VERSIONS} - n)
    from models m, generate_series(1, ${VERSIONS}) n`);
  await db.execute(sql`insert into model_metric_history (version_id, key, step, value, ts)
    select v.id, k, s, case when k = 'loss' then 1.0 / (s + 1) + random() * 0.01 else 0.5 + random() * 0.4 end,
      v.created_at + make_interval(secs => s)
    from model_versions v
    cross join unnest(array['loss', 'val_auc']) k
    cross join lateral generate_series(0, case when v.version > ${VERSIONS - LONG}::int then ${LONG_STEPS - 1}::int else ${shortSteps - 1}::int end) s`);
  await db.execute(sql`insert into deployments (project_id, environment_id, model_version_id, status, started_at)
    select e.project_id, e.id, v.id, 'succeeded', now()
    from environments e, model_versions v where v.version = ${VERSIONS - 2}::int`);
  await db.execute(sql`analyze`);
  const [count] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from model_metric_history`))
    .rows;
  console.log(
    `seeded ${VERSIONS} versions and ${count!.n.toLocaleString("en")} history points in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
  );
  const [model] = (await db.execute<{ id: string }>(sql`select id from models`)).rows;
  const ctx = { db, actor: systemActor("bench") };
  const long = Array.from({ length: LONG }, (_, i) => VERSIONS - i);

  // Warm up the pool and caches so the first calls do not measure connection setup: one
  // round of concurrent calls, so every pooled connection has opened and planned once.
  await runConcurrent(CLIENTS, CLIENTS, () => getModel(ctx, { id: model!.id }));
  await runConcurrent(CLIENTS, CLIENTS, () => compareVersions(ctx, { modelId: model!.id, versions: long }));
  const first = await compareVersions(ctx, { modelId: model!.id, versions: long });
  const perLine = first.history.flatMap((h) => h.lines.map((l) => l.points.length)).sort((a, b) => a - b);
  const stored = first.history.flatMap((h) => h.lines.map((l) => l.total));

  const rows: string[] = [];
  const modelPage = await runConcurrent(READS, CLIENTS, () => getModel(ctx, { id: model!.id }));
  const compare = await runConcurrent(READS, CLIENTS, () =>
    compareVersions(ctx, { modelId: model!.id, versions: long }),
  );
  for (const [label, r] of [
    ["model page (getModel, 1,000 versions)", modelPage],
    ["compare (5 versions × 2 metrics × 20,000 steps)", compare],
  ] as const) {
    rows.push(
      `| ${label} | ${CLIENTS} | ${percentile(r.samples, 50).toFixed(1)} | ${percentile(r.samples, 95).toFixed(1)} | ${percentile(r.samples, 99).toFixed(1)} | ${((r.samples.length / r.wallMs) * 1000).toFixed(0)} |`,
    );
  }
  console.log(`\n| read | clients | p50 ms | p95 ms | p99 ms | reads/s |\n|---|---|---|---|---|---|`);
  for (const row of rows) console.log(row);
  console.log(
    `\ncompare: points per line min ${perLine[0]}, max ${perLine.at(-1)} (limit 1000) of ${Math.max(...stored).toLocaleString("en")} stored`,
  );
  console.log(`load average at the end: ${loadAverage()}`);
}

await withBenchDatabase(SERVER, async (url, name) => {
  const handle = await openDatabase({ url: url.toString(), poolSize: CLIENTS + 4 });
  try {
    await bench(handle, url.host, name);
  } finally {
    await handle.close();
  }
});
