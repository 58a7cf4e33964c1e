import { z } from "zod";
import {
  firstLine,
  hexSha,
  parsePayload,
  text,
  webUrl,
  zId,
  zOptionalTime,
  zTime,
} from "@/lib/providers/shared/payload";
import type { WebhookEffect } from "@/lib/providers/shared/types";
import { githubRunStatus } from "./map-status";

const login = z.object({ login: z.string() }).nullish();

/** The workflow_run fields Tandem uses (docs.github.com, "Webhook events and payloads"). */
const schema = z.object({
  workflow_run: z.object({
    id: zId,
    name: z.string().nullish(),
    display_title: z.string().nullish(),
    run_number: z.number().int().nullish(),
    run_attempt: z.number().int().min(1).nullish(),
    status: z.string(),
    conclusion: z.string().nullish(),
    event: z.string().nullish(),
    head_sha: z.string().nullish(),
    head_branch: z.string().nullish(),
    html_url: z.string().nullish(),
    workflow_id: zId,
    created_at: zTime,
    updated_at: zTime,
    run_started_at: zOptionalTime,
    actor: login,
    triggering_actor: login,
    head_commit: z.object({ message: z.string().nullish() }).nullish(),
  }),
  workflow: z.object({ name: z.string().nullish(), html_url: z.string().nullish() }).nullish(),
  repository: z.object({ full_name: z.string().min(1), html_url: z.string().nullish() }),
});

/**
 * A `workflow_run` event as a run of the workflow's pipeline. `updated_at` orders events and
 * `run_attempt` separates re-runs, so a late `in_progress` never undoes a `completed`.
 */
export function mapWorkflowRun(body: unknown): WebhookEffect {
  const { workflow_run: run, workflow, repository } = parsePayload(schema, body, "workflow_run");
  const status = githubRunStatus(run.status, run.conclusion);
  const finished = status !== "queued" && status !== "running";
  return {
    kind: "run",
    repositories: [repository.full_name],
    adoptPlaceholders: true,
    draft: {
      pipeline: {
        provider: "github",
        externalId: run.workflow_id,
        name: text(workflow?.name ?? run.name) ?? `Workflow ${run.workflow_id}`,
        repository: repository.full_name,
        url: webUrl(workflow?.html_url),
      },
      run: {
        externalId: run.id,
        runNumber: run.run_number ?? null,
        attempt: run.run_attempt ?? 1,
        status,
        title: firstLine(run.display_title ?? run.head_commit?.message ?? run.name),
        commitSha: hexSha(run.head_sha),
        branch: text(run.head_branch, 500),
        actor: text(run.triggering_actor?.login ?? run.actor?.login),
        trigger: text(run.event, 100),
        url: webUrl(run.html_url),
        queuedAt: run.created_at,
        startedAt: status === "queued" ? null : (run.run_started_at ?? run.created_at),
        finishedAt: finished ? run.updated_at : null,
        providerUpdatedAt: run.updated_at,
      },
    },
  };
}
