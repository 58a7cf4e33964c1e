import "server-only";
import { and, gte, inArray, sql } from "drizzle-orm";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { pipelineRuns } from "@/lib/db/schema";

export type RunActivityBucket = { bucketStart: string; succeeded: number; failed: number; other: number };

/**
 * Runs per time bucket by outcome, for the overview chart. Buckets are hourly for ranges
 * up to two days and daily beyond, so a chart never has more than ~100 bars.
 */
export async function getRunActivity(
  ctx: ServiceContext,
  input: { projectIds: string[] | null; rangeMs: number },
): Promise<{ bucket: "hour" | "day"; buckets: RunActivityBucket[] }> {
  assertCan(ctx.actor, "runs:read");
  const now = nowOf(ctx);
  const since = new Date(now.getTime() - input.rangeMs);
  const bucket = input.rangeMs <= 2 * 86_400_000 ? "hour" : "day";
  // Inlined (from a fixed set) so SELECT, GROUP BY and ORDER BY are the same expression.
  const start = sql`date_trunc('${sql.raw(bucket)}', ${pipelineRuns.queuedAt}, 'UTC')`;
  const rows = await ctx.db
    .select({
      bucketStart: sql<string>`to_char(${start} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
      succeeded: sql<number>`count(*) filter (where ${pipelineRuns.status} = 'succeeded')`.mapWith(Number),
      failed: sql<number>`count(*) filter (where ${pipelineRuns.status} = 'failed')`.mapWith(Number),
      other:
        sql<number>`count(*) filter (where ${pipelineRuns.status} not in ('succeeded', 'failed'))`.mapWith(
          Number,
        ),
    })
    .from(pipelineRuns)
    .where(
      and(
        gte(pipelineRuns.queuedAt, since),
        input.projectIds ? inArray(pipelineRuns.projectId, input.projectIds) : undefined,
      ),
    )
    .groupBy(start)
    .orderBy(start);
  return { bucket, buckets: rows };
}
