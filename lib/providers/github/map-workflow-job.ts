import { z } from "zod";
import { hexSha, parsePayload, text, webUrl, zId, zOptionalTime } from "@/lib/providers/shared/payload";
import type { WebhookEffect } from "@/lib/providers/shared/types";
import { githubRunStatus } from "./map-status";

const schema = z.object({
  workflow_job: z.object({
    id: zId,
    run_id: zId,
    run_attempt: z.number().int().min(1).nullish(),
    name: z.string().min(1),
    status: z.string(),
    conclusion: z.string().nullish(),
    head_sha: z.string(),
    head_branch: z.string().nullish(),
    html_url: z.string().nullish(),
    workflow_name: z.string().nullish(),
    created_at: zOptionalTime,
    started_at: zOptionalTime,
    completed_at: zOptionalTime,
    runner_name: z.string().nullish(),
  }),
  repository: z.object({ full_name: z.string().min(1), html_url: z.string().nullish() }),
});

/**
 * The pipeline a run gets when one of its jobs arrives before the run itself: job payloads
 * name the workflow but not its id. The run's own event later moves it under the real
 * pipeline (see adopt-placeholder-runs.ts).
 */
export const PLACEHOLDER_PIPELINE_PREFIX = "workflow-name:";

/** A `workflow_job` event as one job of run `run_id`. */
export function mapWorkflowJob(body: unknown): WebhookEffect {
  const { workflow_job: job, repository } = parsePayload(schema, body, "workflow_job");
  const status = githubRunStatus(job.status, job.conclusion);
  const waiting = status === "queued";
  const commitSha = hexSha(job.head_sha);
  if (!commitSha) return { kind: "ignore", reason: `workflow_job ${job.id} has no commit sha` };
  const workflowName = text(job.workflow_name) ?? "GitHub Actions";
  const queuedAt = job.created_at ?? job.started_at ?? new Date(0);
  return {
    kind: "jobs",
    repositories: [repository.full_name],
    runExternalId: job.run_id,
    lookup: { commitSha },
    jobs: [
      {
        externalId: job.id,
        name: text(job.name)!,
        status,
        runner: text(job.runner_name),
        url: webUrl(job.html_url),
        startedAt: waiting ? null : job.started_at,
        finishedAt: job.completed_at,
      },
    ],
    fallback: {
      pipeline: {
        provider: "github",
        externalId: `${PLACEHOLDER_PIPELINE_PREFIX}${workflowName}`,
        name: workflowName,
        repository: repository.full_name,
      },
      run: {
        externalId: job.run_id,
        attempt: job.run_attempt ?? 1,
        // A job that has started means its run has too; no provider time, so any run event wins.
        status: waiting ? "queued" : "running",
        commitSha,
        branch: text(job.head_branch, 500),
        url: repository.html_url ? webUrl(`${repository.html_url}/actions/runs/${job.run_id}`) : null,
        queuedAt,
        startedAt: waiting ? null : job.started_at,
        providerUpdatedAt: null,
      },
    },
  };
}
