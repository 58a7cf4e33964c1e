import "server-only";
import { and, eq } from "drizzle-orm";
import { AppError } from "@/lib/api/errors";
import type { Executor } from "@/lib/db/client";
import { pipelineRuns, pipelines } from "@/lib/db/schema";
import type { RunRef } from "./run-ref";

function fieldError(path: string, message: string): AppError {
  return new AppError("invalid_request", message, { fields: [{ path, message }] });
}

/**
 * The run a RunRef names among one project's pipelines, with its commit. A 400 on `field` when
 * there is none (the caller reports runs before naming them), and on `field.pipeline` when
 * the run id is ambiguous across pipelines and no pipeline was named. `projectNoun` words the
 * message for the caller ("this project", "this model's project").
 */
export async function findRunByRef(
  db: Executor,
  projectId: string,
  ref: RunRef,
  { field, projectNoun }: { field: string; projectNoun: string },
): Promise<{ id: string; commitSha: string | null }> {
  const rows = await db
    .select({ id: pipelineRuns.id, commitSha: pipelineRuns.commitSha })
    .from(pipelineRuns)
    .innerJoin(pipelines, eq(pipelines.id, pipelineRuns.pipelineId))
    .where(
      and(
        eq(pipelines.projectId, projectId),
        eq(pipelines.provider, ref.provider),
        eq(pipelineRuns.externalId, ref.externalId),
        ref.pipeline ? eq(pipelines.externalId, ref.pipeline) : undefined,
      ),
    )
    .limit(2);
  if (rows.length === 0) {
    const where = ref.pipeline ? ` of pipeline "${ref.pipeline}"` : "";
    throw fieldError(
      field,
      `No ${ref.provider} run "${ref.externalId}"${where} in ${projectNoun}; report the run first.`,
    );
  }
  if (rows.length > 1) {
    throw fieldError(
      `${field}.pipeline`,
      `Several pipelines have a ${ref.provider} run "${ref.externalId}"; name the pipeline's externalId.`,
    );
  }
  return rows[0]!;
}
