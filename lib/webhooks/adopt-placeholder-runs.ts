import "server-only";
import { and, eq, like, ne, notExists, sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { deployments, modelVersions, pipelineJobs, pipelineRuns, pipelines, releases } from "@/lib/db/schema";
import { PLACEHOLDER_PIPELINE_PREFIX } from "@/lib/providers/github/map-workflow-job";
import { upsertJobs } from "@/lib/runs/upsert-run";

type Target = { projectId: string; runId: string; externalId: string; commitSha: string | null | undefined };

/**
 * Folds runs that were sketched from an early workflow_job (under a placeholder pipeline
 * named after the workflow) into the real run now that its workflow_run has arrived: their
 * jobs and links move over, the sketch and its then-empty pipeline are deleted.
 */
export async function adoptPlaceholderRuns(tx: Transaction, target: Target): Promise<number> {
  if (!target.commitSha) return 0;
  // The commit index finds the candidates without scanning the project's runs.
  const placeholders = await tx
    .select({ id: pipelineRuns.id, pipelineId: pipelineRuns.pipelineId })
    .from(pipelineRuns)
    .innerJoin(pipelines, eq(pipelines.id, pipelineRuns.pipelineId))
    .where(
      and(
        eq(pipelineRuns.commitSha, target.commitSha.toLowerCase()),
        eq(pipelineRuns.projectId, target.projectId),
        eq(pipelineRuns.provider, "github"),
        eq(pipelineRuns.externalId, target.externalId),
        ne(pipelineRuns.id, target.runId),
        like(pipelines.externalId, `${PLACEHOLDER_PIPELINE_PREFIX}%`),
      ),
    );
  for (const placeholder of placeholders) {
    const jobs = await tx.select().from(pipelineJobs).where(eq(pipelineJobs.runId, placeholder.id));
    await upsertJobs(tx, target.runId, jobs);
    await tx.update(deployments).set({ runId: target.runId }).where(eq(deployments.runId, placeholder.id));
    await tx
      .update(releases)
      .set({ buildRunId: target.runId })
      .where(eq(releases.buildRunId, placeholder.id));
    await tx
      .update(modelVersions)
      .set({ sourceRunId: target.runId })
      .where(eq(modelVersions.sourceRunId, placeholder.id));
    await tx.delete(pipelineRuns).where(eq(pipelineRuns.id, placeholder.id));
    await tx
      .delete(pipelines)
      .where(
        and(
          eq(pipelines.id, placeholder.pipelineId),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(pipelineRuns)
              .where(eq(pipelineRuns.pipelineId, placeholder.pipelineId)),
          ),
        ),
      );
  }
  return placeholders.length;
}
