/**
 * `npm run bench:overview`: how fast the overview's reads answer on the demo organisation.
 * Seeds a fresh database (Postgres at BENCH_DATABASE_URL, default the local server, and an
 * in-memory PGlite), then times each read sequentially and with 8 concurrent callers.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { listActivity } from "@/lib/audit/list-activity";
import { systemActor } from "@/lib/auth/actor";
import { type DatabaseHandle, openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/db/seed";
import { getDeploymentMatrix } from "@/lib/deployments/get-deployment-matrix";
import { getOverviewHealth } from "@/lib/overview/get-overview-health";
import { getRunActivity } from "@/lib/overview/get-run-activity";
import { listRuns } from "@/lib/runs/list-runs";

const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 100);
const DAY = 86_400_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(calls: number, concurrency: number, read: () => Promise<unknown>) {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < calls) {
        const t = performance.now();
        await read();
        samples.push(performance.now() - t);
      }
    }),
  );
  const wall = performance.now() - started;
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), perSecond: (calls / wall) * 1000 };
}

async function bench(label: string, handle: DatabaseHandle) {
  await migrateDatabase(handle);
  const seedStarted = performance.now();
  const summary = await seedDemo(handle.db, { now: new Date() });
  console.log(
    `\n${label}: seeded ${summary.pipelineRuns} runs in ${Math.round(performance.now() - seedStarted)} ms`,
  );
  const ctx = { db: handle.db, actor: systemActor("bench") };
  const reads: Record<string, () => Promise<unknown>> = {
    "health (7 d)": () => getOverviewHealth(ctx, { projectIds: null, rangeMs: 7 * DAY }),
    "run activity (90 d)": () => getRunActivity(ctx, { projectIds: null, rangeMs: 90 * DAY }),
    "deployment matrix": () => getDeploymentMatrix(ctx, { projectIds: null }),
    "latest runs (10)": () => listRuns(ctx, { projectIds: null, limit: 10 }),
    "activity (15)": () => listActivity(ctx, { projectIds: null }),
  };
  const concurrency = handle.kind === "pglite" ? [1] : [1, 8];
  console.log("| read | callers | p50 ms | p95 ms | reads/s |\n|---|---|---|---|---|");
  for (const [name, read] of Object.entries(reads)) {
    await time(10, 1, read); // warm caches and plans
    for (const c of concurrency) {
      const r = await time(ITERATIONS, c, read);
      console.log(
        `| ${name} | ${c} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${Math.round(r.perSecond)} |`,
      );
    }
  }
}

const name = `tandem_bench_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: SERVER });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(SERVER);
url.pathname = `/${name}`;
const postgres = await openDatabase({ url: url.toString(), poolSize: 8 });
try {
  await bench("Postgres", postgres);
} finally {
  await postgres.close();
  await admin.query(`drop database ${name} with (force)`);
  await admin.end();
}
const pglite = await openDatabase({ dataDir: null });
await bench("PGlite (in memory)", pglite);
await pglite.close();
