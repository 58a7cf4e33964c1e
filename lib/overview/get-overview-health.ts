import "server-only";
import { and, count, eq, gt, gte, inArray, type SQL, sql } from "drizzle-orm";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { alerts, pipelineRuns, pipelines, promotionRequests } from "@/lib/db/schema";

export type FailingPipeline = {
  id: string;
  name: string;
  projectName: string;
  projectSlug: string;
  runId: string;
};

export type OverviewHealth = {
  runsFinished: number;
  runsSucceeded: number;
  /** null when nothing finished in the range (no data is not 0 %). */
  successRate: number | null;
  failingPipelines: FailingPipeline[];
  pendingApprovals: number;
  firingAlerts: number;
};

function scoped(column: Parameters<typeof inArray>[0], projectIds: string[] | null): SQL | undefined {
  return projectIds ? inArray(column, projectIds) : undefined;
}

/** The four numbers the overview opens with, for the chosen projects and time range. */
export async function getOverviewHealth(
  ctx: ServiceContext,
  input: { projectIds: string[] | null; rangeMs: number },
): Promise<OverviewHealth> {
  assertCan(ctx.actor, "overview:read");
  const now = nowOf(ctx);
  const since = new Date(now.getTime() - input.rangeMs);

  const totalsQuery = ctx.db
    .select({
      finished:
        sql<number>`count(*) filter (where ${pipelineRuns.status} in ('succeeded', 'failed'))`.mapWith(
          Number,
        ),
      succeeded: sql<number>`count(*) filter (where ${pipelineRuns.status} = 'succeeded')`.mapWith(Number),
    })
    .from(pipelineRuns)
    .where(and(gte(pipelineRuns.queuedAt, since), scoped(pipelineRuns.projectId, input.projectIds)));

  // A pipeline is failing when its most recent finished run failed.
  const latest = ctx.db
    .selectDistinctOn([pipelineRuns.pipelineId], {
      pipelineId: pipelineRuns.pipelineId,
      runId: sql<string>`${pipelineRuns.id}`.as("run_id"),
      status: pipelineRuns.status,
    })
    .from(pipelineRuns)
    .where(
      and(
        inArray(pipelineRuns.status, ["succeeded", "failed"]),
        scoped(pipelineRuns.projectId, input.projectIds),
      ),
    )
    .orderBy(pipelineRuns.pipelineId, sql`${pipelineRuns.queuedAt} desc`)
    .as("latest");
  const failingQuery = ctx.db
    .select({
      id: pipelines.id,
      name: pipelines.name,
      runId: latest.runId,
      projectName: sql<string>`(select name from projects where projects.id = ${pipelines.projectId})`,
      projectSlug: sql<string>`(select slug from projects where projects.id = ${pipelines.projectId})`,
    })
    .from(latest)
    .innerJoin(pipelines, eq(pipelines.id, latest.pipelineId))
    .where(eq(latest.status, "failed"))
    .orderBy(pipelines.name);

  const pendingQuery = ctx.db
    .select({ n: count() })
    .from(promotionRequests)
    .where(
      and(
        eq(promotionRequests.status, "pending"),
        gt(promotionRequests.expiresAt, now),
        scoped(promotionRequests.projectId, input.projectIds),
      ),
    );
  const firingQuery = ctx.db
    .select({ n: count() })
    .from(alerts)
    .where(and(eq(alerts.state, "firing"), scoped(alerts.projectId, input.projectIds)));

  // Independent reads: on a pool they run side by side (PGlite simply queues them).
  const [[runTotals], failingPipelines, [pending], [firing]] = await Promise.all([
    totalsQuery,
    failingQuery,
    pendingQuery,
    firingQuery,
  ]);
  const finished = runTotals?.finished ?? 0;
  const succeeded = runTotals?.succeeded ?? 0;
  return {
    runsFinished: finished,
    runsSucceeded: succeeded,
    successRate: finished === 0 ? null : succeeded / finished,
    failingPipelines,
    pendingApprovals: pending?.n ?? 0,
    firingAlerts: firing?.n ?? 0,
  };
}
