import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { pipelineRuns, pipelines } from "@/lib/db/schema";
import type { RunStatus } from "@/lib/db/schema/enums";

export type CiRunSummary = {
  id: string;
  pipelineName: string;
  runNumber: number | null;
  status: RunStatus;
  url: string | null;
  finishedAt: Date | null;
};

/** The CI run that speaks for a commit: the newest successful one, else the newest of any outcome. */
export async function loadCiRun(
  db: Executor,
  projectId: string,
  commitSha: string | null,
): Promise<CiRunSummary | null> {
  if (!commitSha) return null;
  const runs = await db
    .select({
      id: pipelineRuns.id,
      pipelineName: pipelines.name,
      runNumber: pipelineRuns.runNumber,
      status: pipelineRuns.status,
      url: pipelineRuns.url,
      finishedAt: pipelineRuns.finishedAt,
    })
    .from(pipelineRuns)
    .innerJoin(pipelines, eq(pipelines.id, pipelineRuns.pipelineId))
    .where(
      and(
        eq(pipelineRuns.projectId, projectId),
        eq(pipelineRuns.commitSha, commitSha),
        eq(pipelines.kind, "ci"),
      ),
    )
    .orderBy(desc(pipelineRuns.queuedAt))
    .limit(20);
  return runs.find((r) => r.status === "succeeded") ?? runs[0] ?? null;
}
