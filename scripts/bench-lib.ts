/**
 * What every `npm run bench:*` script shares: running app code outside Next, timing calls
 * from concurrent clients, and a throwaway Postgres database.
 */
import { randomBytes } from "node:crypto";
import { register } from "node:module";
import { loadavg } from "node:os";
import pg from "pg";

/**
 * `server-only` throws outside a React server bundle; resolve it to an empty module, as
 * vitest does. Call before importing app code (with `await import`).
 */
export function stubServerOnly(): void {
  const resolver = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
}`;
  register(`data:text/javascript,${encodeURIComponent(resolver)}`);
}

/** The p-th percentile of ascending samples. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** "1 / 5 / 15 minute" load averages, printed beside every figure. */
export const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ");

/** Runs `calls` calls on `concurrency` workers; latencies sorted ascending, and wall time. */
export async function runConcurrent(
  calls: number,
  concurrency: number,
  call: (i: number) => Promise<unknown>,
): Promise<{ samples: number[]; wallMs: number }> {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < calls; i = next++) {
        const t = performance.now();
        await call(i);
        samples.push(performance.now() - t);
      }
    }),
  );
  return { samples: samples.sort((a, b) => a - b), wallMs: performance.now() - started };
}

/**
 * Creates a fresh database on `server` for `bench` and drops it afterwards, however the bench
 * ends (BENCH_KEEP=1 keeps it to inspect and prints its name).
 */
export async function withBenchDatabase<T>(
  server: string,
  bench: (url: URL, name: string) => Promise<T>,
): Promise<T> {
  const name = `tandem_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    return await bench(url, name);
  } finally {
    if (process.env.BENCH_KEEP === "1") console.log(`kept database ${name}`);
    else await admin.query(`drop database ${name} with (force)`);
    await admin.end();
  }
}
