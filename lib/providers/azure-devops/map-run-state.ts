import { z } from "zod";
import {
  InvalidPayloadError,
  parsePayload,
  text,
  webUrl,
  zId,
  zOptionalTime,
  zTime,
} from "@/lib/providers/shared/payload";
import type { JobDraft, WebhookEffect } from "@/lib/providers/shared/types";
import { azureRunStatus } from "./map-status";
import { azureEnvelopeSchema, azureRepositories } from "./project";

const link = z.object({ web: z.object({ href: z.string() }).nullish() }).nullish();
const pipeline = z.object({ id: zId, name: z.string().min(1) });

const schema = azureEnvelopeSchema.extend({
  createdDate: zTime,
  resource: z.object({
    run: z.object({
      // The current sample run-state-changed payload has no id; its links carry it.
      id: zId.nullish(),
      name: z.string().nullish(),
      url: z.string().nullish(),
      state: z.string(),
      result: z.string().nullish(),
      createdDate: zTime,
      finishedDate: zOptionalTime,
      pipeline: pipeline.nullish(),
      _links: link,
    }),
    pipeline: pipeline.nullish(),
    stage: z
      .object({ name: z.string().nullish(), displayName: z.string().nullish(), _links: link })
      .nullish(),
    job: z
      .object({
        id: zId,
        name: z.string().min(1),
        state: z.string(),
        result: z.string().nullish(),
        startTime: zOptionalTime,
        finishTime: zOptionalTime,
        _links: link,
      })
      .nullish(),
  }),
});

/** `.../_apis/Pipelines/1/runs/11` or `.../_build/results?buildId=11` → "11". */
function runIdFromLink(href: string | null | undefined): string | null {
  const match = href ? /\/runs\/(\d+)|[?&]buildId=(\d+)/.exec(href) : null;
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/**
 * `ms.vss-pipelines` run, stage and job state-changed events. Each carries the run's own
 * state, so every one updates the run (ordered by the event's `createdDate`); a job event
 * also records that job under its stage. Stage events add nothing beyond the run's state.
 */
export function mapAzureRunState(body: unknown): WebhookEffect {
  const payload = parsePayload(schema, body, "ms.vss-pipelines state-changed");
  const { run, job, stage } = payload.resource;
  const definition = payload.resource.pipeline ?? run.pipeline;
  const webLink = run._links?.web?.href ?? stage?._links?.web?.href ?? job?._links?.web?.href;
  const runId = run.id ?? runIdFromLink(run.url) ?? runIdFromLink(run._links?.web?.href);
  if (!runId) throw new InvalidPayloadError("ms.vss-pipelines payload names no run id (resource.run.id)");
  if (!definition) return { kind: "ignore", reason: `run ${runId} names no pipeline` };
  const status = azureRunStatus(run.state, run.result);
  const finished = status !== "queued" && status !== "running";
  const jobs: JobDraft[] = [];
  if (job) {
    const jobStatus = azureRunStatus(job.state, job.result);
    jobs.push({
      externalId: job.id,
      name: text(job.name)!,
      stage: text(stage?.displayName ?? stage?.name, 200),
      status: jobStatus,
      url: webUrl(job._links?.web?.href),
      startedAt: jobStatus === "queued" ? null : job.startTime,
      finishedAt: job.finishTime,
    });
  }
  return {
    kind: "run",
    repositories: azureRepositories({
      containerProjectId: payload.resourceContainers?.project?.id,
      links: [webLink],
    }),
    draft: {
      pipeline: { provider: "azure_devops", externalId: definition.id, name: text(definition.name)! },
      run: {
        externalId: runId,
        status,
        title: text(run.name, 1000),
        url: webUrl(webLink),
        queuedAt: run.createdDate,
        startedAt: status === "queued" ? null : run.createdDate,
        finishedAt: finished ? (run.finishedDate ?? payload.createdDate) : null,
        providerUpdatedAt: payload.createdDate,
      },
      jobs,
    },
  };
}
