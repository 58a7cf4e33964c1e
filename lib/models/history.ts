import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { modelMetricHistory } from "@/lib/db/schema";
import type { HistoryPointInput } from "./schemas";

/** Rows per insert statement: 5 columns × 5,000 stays far below Postgres' 65,535 parameters. */
export const HISTORY_BATCH = 5_000;

type Row = typeof modelMetricHistory.$inferInsert;

/** One row per (key, step); a later point in the same request replaces an earlier one. */
function dedupe(points: HistoryPointInput[]): HistoryPointInput[] {
  const byKeyStep = new Map<string, HistoryPointInput>();
  for (const point of points) byKeyStep.set(`${point.key}\u0000${point.step}`, point);
  return [...byKeyStep.values()];
}

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += HISTORY_BATCH) out.push(items.slice(i, i + HISTORY_BATCH));
  return out;
}

/**
 * One batch as a single multi-row `insert … select from unnest(…)`: four array parameters
 * however many rows, which Postgres and PGlite parse far faster than 25,000 scalar ones.
 */
function insertBatch(db: Executor, versionId: string, rows: Row[]) {
  const h = modelMetricHistory;
  const column = <T>(pick: (row: Row) => T) => sql.param(rows.map(pick));
  return db.insert(h).select(
    sql`select ${versionId}::uuid, u.key, u.step, u.value, u.ts from unnest(
      ${column((r) => r.key)}::text[],
      ${column((r) => r.step)}::integer[],
      ${column((r) => r.value)}::double precision[],
      ${column((r) => r.ts.toISOString())}::timestamptz[]
    ) as u(key, step, value, ts)`,
  );
}

/**
 * Writes metric history for a version in statements of at most HISTORY_BATCH rows, and
 * returns how many rows were inserted or changed. `insert` is for a version created in this
 * transaction; `upsert` replaces (version, key, step) only when the value (or an explicit
 * timestamp) differs, so a repeated batch writes nothing. A point without `ts` is stamped
 * `now`; its exact replay keeps the stored value and time.
 */
export async function writeHistory(
  db: Executor,
  versionId: string,
  points: HistoryPointInput[],
  now: Date,
  mode: "insert" | "upsert",
): Promise<number> {
  const unique = dedupe(points);
  const toRow = (p: HistoryPointInput): Row => ({
    versionId,
    key: p.key,
    step: p.step,
    value: p.value,
    ts: p.ts ? new Date(p.ts) : now,
  });
  let written = 0;
  if (mode === "insert") {
    for (const batch of batches(unique.map(toRow))) {
      await insertBatch(db, versionId, batch);
      written += batch.length;
    }
    return written;
  }
  const groups = [
    { rows: unique.filter((p) => p.ts).map(toRow), timed: true },
    { rows: unique.filter((p) => !p.ts).map(toRow), timed: false },
  ];
  const h = modelMetricHistory;
  for (const group of groups) {
    for (const batch of batches(group.rows)) {
      const changed = await insertBatch(db, versionId, batch)
        .onConflictDoUpdate({
          target: [h.versionId, h.key, h.step],
          set: { value: sql`excluded.value`, ts: sql`excluded.ts` },
          setWhere: group.timed
            ? sql`(${h.value}, ${h.ts}) is distinct from (excluded.value, excluded.ts)`
            : sql`${h.value} is distinct from excluded.value`,
        })
        .returning({ step: h.step });
      written += changed.length;
    }
  }
  return written;
}
