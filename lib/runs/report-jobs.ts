import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { AppError, parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { pipelineRuns } from "@/lib/db/schema";
import { isoToDate, type ReportJobsBody, reportJobsBody } from "./report-schemas";
import { upsertJobs } from "./upsert-run";

const runId = z.uuid();

/**
 * Adds or updates jobs (or stages) of a stored run, newest-wins per job like every other
 * source. Needs runs:write; a run outside the actor's projects is a 404. Returns how many
 * jobs were written: new ones and updates; a job report older than the stored one is skipped.
 */
export async function reportJobs(
  ctx: ServiceContext,
  input: { runId: string; body: unknown },
): Promise<{ runId: string; count: number }> {
  assertCan(ctx.actor, "runs:write");
  const body = parseInput(reportJobsBody, input.body as ReportJobsBody);
  if (!runId.safeParse(input.runId).success) throw new AppError("not_found", "Run not found.");
  return ctx.db.transaction(async (tx) => {
    const [run] = await tx
      .select({ id: pipelineRuns.id, projectId: pipelineRuns.projectId })
      .from(pipelineRuns)
      .where(eq(pipelineRuns.id, input.runId))
      .for("update");
    if (!run || (ctx.actor.projectIds && !ctx.actor.projectIds.includes(run.projectId))) {
      throw new AppError("not_found", "Run not found.");
    }
    const count = await upsertJobs(
      tx,
      run.id,
      body.jobs.map((job) => ({
        ...job,
        startedAt: isoToDate(job.startedAt),
        finishedAt: isoToDate(job.finishedAt),
      })),
    );
    return { runId: run.id, count };
  });
}
