import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import type { ResolvedSeries } from "./resolve-series";
import { CHUNK_ROWS, literal } from "./sql-arrays";

/** One statement's worth of points as the three column literals. */
type Chunk = { rows: number; ids: string[]; ts: string[]; values: string[] };

/**
 * Cuts the batch into chunks of at most CHUNK_ROWS, building each column literal from
 * per-series pieces: a series id repeated with String.repeat, times and values joined.
 */
function* chunksOf(series: ResolvedSeries[]): Generator<Chunk> {
  let chunk: Chunk = { rows: 0, ids: [], ts: [], values: [] };
  for (const s of series) {
    for (let start = 0; start < s.ts.length; ) {
      const end = Math.min(s.ts.length, start + CHUNK_ROWS - chunk.rows);
      chunk.ids.push(`${s.id},`.repeat(end - start - 1) + s.id);
      chunk.ts.push(s.ts.slice(start, end).join(","));
      chunk.values.push(s.values.slice(start, end).join(","));
      chunk.rows += end - start;
      start = end;
      if (chunk.rows === CHUNK_ROWS) {
        yield chunk;
        chunk = { rows: 0, ids: [], ts: [], values: [] };
      }
    }
  }
  if (chunk.rows > 0) yield chunk;
}

const columns = (chunk: Chunk) => sql`
  select p.series_id, to_timestamp(p.ms::float8 / 1000), p.value
  from unnest(${literal(chunk.ids)}::uuid[], ${literal(chunk.ts)}::int8[], ${literal(chunk.values)}::float8[])
    as p(series_id, ms, value)`;

/** Postgres unique_violation, whether thrown directly or wrapped by drizzle. */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/**
 * Writes one chunk; returns how many rows were new and how many were written (new or
 * changed). Times go as epoch milliseconds: formatting 50,000 ISO strings costs more than
 * the insert's parsing saves, and to_timestamp(ms / 1000) is exact to the millisecond.
 *
 * New points (the usual case) go in with a plain INSERT inside a savepoint: ON CONFLICT
 * writes a second WAL record per row to confirm each speculative insertion, which made it
 * ~40% slower. If any point already exists the savepoint is rolled back (usually at the
 * first row) and the chunk is upserted instead: last value wins, unchanged rows untouched.
 */
async function writeChunk(tx: Transaction, chunk: Chunk): Promise<{ inserted: number; written: number }> {
  try {
    await tx.transaction((savepoint) =>
      savepoint.execute(sql`insert into metric_points (series_id, ts, value) ${columns(chunk)}`),
    );
    return { inserted: chunk.rows, written: chunk.rows };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const result = await tx.execute<{ inserted: number; written: number }>(sql`
    with written as (
      insert into metric_points (series_id, ts, value) ${columns(chunk)}
      on conflict (series_id, ts) do update set value = excluded.value
      where metric_points.value is distinct from excluded.value
      returning (xmax = 0) as fresh
    )
    select count(*) filter (where fresh)::int as inserted, count(*)::int as written from written`);
  return result.rows[0]!;
}

/**
 * Upserts every point of the batch (last value wins per series and timestamp; re-sending
 * a batch rewrites nothing) in chunks of at most CHUNK_ROWS, inside the ingest
 * transaction. The rollups follow by themselves: triggers on metric_points add new points
 * to their buckets and recompute buckets whose points changed (migration 0001).
 * Returns how many points were new and how many rows were written (new or changed).
 */
export async function writePoints(
  tx: Transaction,
  series: ResolvedSeries[],
): Promise<{ inserted: number; written: number }> {
  const total = { inserted: 0, written: 0 };
  for (const chunk of chunksOf(series)) {
    const result = await writeChunk(tx, chunk);
    total.inserted += result.inserted;
    total.written += result.written;
  }
  return total;
}
