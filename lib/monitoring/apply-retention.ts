import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";

const HOUR_MS = 60 * 60 * 1000;

export const applyRetentionInput = z.object({
  retentionDays: z.number().int().positive(),
  /** Rows per DELETE: each batch is its own statement, so locks and WAL stay bounded. */
  batchSize: z.number().int().min(1).max(1_000_000).default(50_000),
});
export type ApplyRetentionInput = z.input<typeof applyRetentionInput>;

export type RetentionResult = { cutoff: Date; points: number; rollups: number };

/**
 * Deletes one batch of rows older than the cutoff, found by physical address: the BRIN
 * index on the time column narrows the scan to the oldest block ranges, and deleting by
 * ctid avoids a second lookup through the primary key.
 */
async function deleteBatch(ctx: ServiceContext, table: "points" | "rollups", cutoff: Date, limit: number) {
  const iso = cutoff.toISOString();
  // Counted with RETURNING, which both drivers report the same way (rowCount does not).
  const statement =
    table === "points"
      ? sql`with deleted as (delete from metric_points where ctid = any(array(
          select ctid from metric_points where ts < ${iso}::timestamptz limit ${limit})) returning 1)
        select count(*)::int as n from deleted`
      : sql`with deleted as (delete from metric_rollups where ctid = any(array(
          select ctid from metric_rollups where bucket_start < ${iso}::timestamptz limit ${limit})) returning 1)
        select count(*)::int as n from deleted`;
  const result = await ctx.db.execute<{ n: number }>(statement);
  return result.rows[0]!.n;
}

/**
 * The daily retention job (TANDEM_METRICS_RETENTION_DAYS): deletes points and rollups
 * older than the retention, in batches, outside one long transaction so that ingest is
 * never blocked behind it. The cutoff is rounded down to the hour, the coarsest rollup
 * grain, so no surviving rollup bucket still counts a deleted point.
 */
export async function applyRetention(
  ctx: ServiceContext,
  rawInput: ApplyRetentionInput,
): Promise<RetentionResult> {
  assertCan(ctx.actor, "monitoring:write");
  const input = parseInput(applyRetentionInput, rawInput);
  const oldest = nowOf(ctx).getTime() - input.retentionDays * 24 * HOUR_MS;
  const cutoff = new Date(Math.floor(oldest / HOUR_MS) * HOUR_MS);
  const result: RetentionResult = { cutoff, points: 0, rollups: 0 };
  for (const table of ["points", "rollups"] as const) {
    for (;;) {
      const deleted = await deleteBatch(ctx, table, cutoff, input.batchSize);
      result[table] += deleted;
      if (deleted < input.batchSize) break;
    }
  }
  return result;
}
