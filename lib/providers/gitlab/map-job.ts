import { z } from "zod";
import { hexSha, parsePayload, text, zId, zOptionalTime } from "@/lib/providers/shared/payload";
import type { WebhookEffect } from "@/lib/providers/shared/types";
import { gitlabRunStatus } from "./map-status";
import { gitlabJobUrl, gitlabPipeline, gitlabProjectSchema, gitlabRepositories } from "./project";

const schema = z.object({
  build_id: zId,
  build_name: z.string().min(1),
  build_stage: z.string().nullish(),
  build_status: z.string(),
  build_created_at: zOptionalTime,
  build_started_at: zOptionalTime,
  build_finished_at: zOptionalTime,
  pipeline_id: zId,
  ref: z.string().nullish(),
  sha: z.string().nullish(),
  user: z.object({ username: z.string().nullish(), name: z.string().nullish() }).nullish(),
  // `commit` describes the pipeline (its id, name and status), not the commit.
  commit: z.object({ name: z.string().nullish(), status: z.string().nullish() }).nullish(),
  runner: z.object({ description: z.string().nullish() }).nullish(),
  project: gitlabProjectSchema,
});

/** A `Job Hook` as one job of pipeline `pipeline_id` (stored with a minimal run if that has not arrived). */
export function mapGitlabJob(body: unknown): WebhookEffect {
  const job = parsePayload(schema, body, "Job Hook");
  const status = gitlabRunStatus(job.build_status);
  const pipeline = gitlabPipeline(job.project);
  const pipelineStatus = job.commit?.status ? gitlabRunStatus(job.commit.status) : null;
  return {
    kind: "jobs",
    repositories: gitlabRepositories(job.project),
    runExternalId: job.pipeline_id,
    lookup: { pipelineExternalId: pipeline.externalId },
    jobs: [
      {
        externalId: job.build_id,
        name: text(job.build_name)!,
        stage: text(job.build_stage, 200),
        status,
        runner: text(job.runner?.description),
        url: gitlabJobUrl(job.project, job.build_id),
        startedAt: job.build_started_at,
        finishedAt: job.build_finished_at,
      },
    ],
    fallback: {
      pipeline,
      run: {
        externalId: job.pipeline_id,
        status: pipelineStatus ?? (status === "queued" ? "queued" : "running"),
        title: text(job.commit?.name, 1000),
        commitSha: hexSha(job.sha),
        branch: text(job.ref, 500),
        actor: text(job.user?.username ?? job.user?.name),
        queuedAt: job.build_created_at ?? job.build_started_at ?? new Date(0),
        startedAt: job.build_started_at,
        // No provider time: the pipeline's own hook always wins over this sketch.
        providerUpdatedAt: null,
      },
    },
  };
}
