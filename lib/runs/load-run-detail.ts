import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { pipelineJobs, pipelineRuns, pipelines, projects } from "@/lib/db/schema";

export type RunJob = {
  id: string;
  externalId: string;
  name: string;
  stage: string | null;
  status: (typeof pipelineJobs.$inferSelect)["status"];
  runner: string | null;
  url: string | null;
  position: number;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export type RunDetail = Omit<typeof pipelineRuns.$inferSelect, "pipelineId"> & {
  projectSlug: string;
  pipeline: Pick<typeof pipelines.$inferSelect, "id" | "externalId" | "name" | "kind" | "repository" | "url">;
  jobs: RunJob[];
};

/**
 * A run with its pipeline, project slug and jobs (in position order), or null. No
 * permission check: callers (verbs) check, and may pass an open transaction.
 */
export async function loadRunDetail(db: Executor, runId: string): Promise<RunDetail | null> {
  const [row] = await db
    .select({
      run: pipelineRuns,
      projectSlug: projects.slug,
      pipeline: {
        id: pipelines.id,
        externalId: pipelines.externalId,
        name: pipelines.name,
        kind: pipelines.kind,
        repository: pipelines.repository,
        url: pipelines.url,
      },
    })
    .from(pipelineRuns)
    .innerJoin(pipelines, eq(pipelines.id, pipelineRuns.pipelineId))
    .innerJoin(projects, eq(projects.id, pipelineRuns.projectId))
    .where(eq(pipelineRuns.id, runId))
    .limit(1);
  if (!row) return null;
  const jobs = await db
    .select({
      id: pipelineJobs.id,
      externalId: pipelineJobs.externalId,
      name: pipelineJobs.name,
      stage: pipelineJobs.stage,
      status: pipelineJobs.status,
      runner: pipelineJobs.runner,
      url: pipelineJobs.url,
      position: pipelineJobs.position,
      startedAt: pipelineJobs.startedAt,
      finishedAt: pipelineJobs.finishedAt,
    })
    .from(pipelineJobs)
    .where(eq(pipelineJobs.runId, runId))
    .orderBy(asc(pipelineJobs.position), asc(pipelineJobs.externalId));
  const { pipelineId: _pipelineId, ...run } = row.run;
  return { ...run, projectSlug: row.projectSlug, pipeline: row.pipeline, jobs };
}
