import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { pipelineRuns, pipelines, projects } from "@/lib/db/schema";

export type PipelineTrendBucket = {
  bucketStart: string;
  succeeded: number;
  failed: number;
  other: number;
  /** Median / 95th percentile seconds from start to finish of runs that finished; null when none did. */
  p50Seconds: number | null;
  p95Seconds: number | null;
};

export type PipelineTrend = {
  pipeline: Pick<
    typeof pipelines.$inferSelect,
    "id" | "name" | "kind" | "provider" | "repository" | "url"
  > & {
    projectSlug: string;
    projectName: string;
    projectId: string;
  };
  bucket: "hour" | "day";
  from: Date;
  to: Date;
  buckets: PipelineTrendBucket[];
};

const pipelineId = z.uuid();

/**
 * Runs of one pipeline per hour (ranges up to two days) or day: outcome counts and the
 * median / p95 duration of finished runs, aggregated in SQL over pipeline_runs_pipeline_queued_idx.
 * A pipeline outside the actor's projects is a 404.
 */
export async function getPipelineTrend(
  ctx: ServiceContext,
  input: { pipelineId: string; rangeMs: number },
): Promise<PipelineTrend> {
  assertCan(ctx.actor, "runs:read");
  const notFound = new AppError("not_found", "Pipeline not found.");
  if (!pipelineId.safeParse(input.pipelineId).success) throw notFound;
  const [pipeline] = await ctx.db
    .select({
      id: pipelines.id,
      name: pipelines.name,
      kind: pipelines.kind,
      provider: pipelines.provider,
      repository: pipelines.repository,
      url: pipelines.url,
      projectId: projects.id,
      projectSlug: projects.slug,
      projectName: projects.name,
    })
    .from(pipelines)
    .innerJoin(projects, eq(projects.id, pipelines.projectId))
    .where(eq(pipelines.id, input.pipelineId))
    .limit(1);
  if (!pipeline || (ctx.actor.projectIds && !ctx.actor.projectIds.includes(pipeline.projectId)))
    throw notFound;

  const to = nowOf(ctx);
  const from = new Date(to.getTime() - input.rangeMs);
  const bucket = input.rangeMs <= 2 * 86_400_000 ? "hour" : "day";
  // Inlined (from a fixed set) so SELECT, GROUP BY and ORDER BY are the same expression.
  const start = sql`date_trunc('${sql.raw(bucket)}', ${pipelineRuns.queuedAt}, 'UTC')`;
  const seconds = sql`extract(epoch from (${pipelineRuns.finishedAt} - ${pipelineRuns.startedAt}))`;
  const finished = sql`${pipelineRuns.status} in ('succeeded', 'failed') and ${pipelineRuns.startedAt} is not null and ${pipelineRuns.finishedAt} is not null`;
  const percentile = (p: number) =>
    sql<
      number | null
    >`percentile_cont(${sql.raw(String(p))}) within group (order by ${seconds}) filter (where ${finished})`.mapWith(
      (v: unknown) => (v === null ? null : Number(v)),
    );
  const buckets = await ctx.db
    .select({
      bucketStart: sql<string>`to_char(${start} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
      succeeded: sql<number>`count(*) filter (where ${pipelineRuns.status} = 'succeeded')`.mapWith(Number),
      failed: sql<number>`count(*) filter (where ${pipelineRuns.status} = 'failed')`.mapWith(Number),
      other:
        sql<number>`count(*) filter (where ${pipelineRuns.status} not in ('succeeded', 'failed'))`.mapWith(
          Number,
        ),
      p50Seconds: percentile(0.5),
      p95Seconds: percentile(0.95),
    })
    .from(pipelineRuns)
    .where(and(eq(pipelineRuns.pipelineId, pipeline.id), gte(pipelineRuns.queuedAt, from)))
    .groupBy(start)
    .orderBy(start);
  return { pipeline, bucket, from, to, buckets };
}
