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
import type { JobDraft, WebhookEffect } from "@/lib/providers/shared/types";
import { gitlabRunStatus } from "./map-status";
import { gitlabJobUrl, gitlabPipeline, gitlabProjectSchema, gitlabRepositories } from "./project";

const schema = z.object({
  object_attributes: z.object({
    id: zId,
    iid: z.number().int().nullish(),
    name: z.string().nullish(),
    ref: z.string().nullish(),
    sha: z.string().nullish(),
    source: z.string().nullish(),
    status: z.string(),
    stages: z.array(z.string()).nullish(),
    created_at: zTime,
    finished_at: zOptionalTime,
    url: z.string().nullish(),
  }),
  user: z.object({ username: z.string().nullish(), name: z.string().nullish() }).nullish(),
  project: gitlabProjectSchema,
  commit: z.object({ message: z.string().nullish() }).nullish(),
  builds: z
    .array(
      z.object({
        id: zId,
        stage: z.string().nullish(),
        name: z.string().min(1),
        status: z.string(),
        started_at: zOptionalTime,
        finished_at: zOptionalTime,
        runner: z.object({ description: z.string().nullish() }).nullish(),
      }),
    )
    .nullish(),
});

const latest = (dates: (Date | null | undefined)[]) =>
  dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);

/**
 * A `Pipeline Hook` as a run with its jobs (the `builds`, ordered by stage). The payload has
 * no updated-at time, so the latest time it mentions orders events of one pipeline.
 */
export function mapGitlabPipeline(body: unknown): WebhookEffect {
  const { object_attributes: p, project, user, commit, builds } = parsePayload(schema, body, "Pipeline Hook");
  const status = gitlabRunStatus(p.status);
  const stages = p.stages ?? [];
  const jobs: JobDraft[] = (builds ?? [])
    .map((b) => ({ b, stage: Math.max(0, stages.indexOf(b.stage ?? "")) }))
    .sort((x, y) => x.stage - y.stage || Number(x.b.id) - Number(y.b.id))
    .map(({ b }, index) => ({
      externalId: b.id,
      name: text(b.name)!,
      stage: text(b.stage, 200),
      status: gitlabRunStatus(b.status),
      runner: text(b.runner?.description),
      url: gitlabJobUrl(project, b.id),
      position: index,
      startedAt: b.started_at,
      finishedAt: b.finished_at,
    }));
  const startedAt = jobs
    .map((j) => j.startedAt)
    .reduce<Date | null>((min, d) => (d && (!min || d < min) ? d : min), null);
  const finished = status !== "queued" && status !== "running";
  return {
    kind: "run",
    repositories: gitlabRepositories(project),
    draft: {
      pipeline: gitlabPipeline(project),
      run: {
        externalId: p.id,
        runNumber: p.iid ?? null,
        status,
        title: firstLine(p.name ?? commit?.message),
        commitSha: hexSha(p.sha),
        branch: text(p.ref, 500),
        actor: text(user?.username ?? user?.name),
        trigger: text(p.source, 100),
        url: webUrl(p.url),
        queuedAt: p.created_at,
        startedAt: status === "queued" ? null : (startedAt ?? p.created_at),
        finishedAt: finished ? (p.finished_at ?? latest(jobs.map((j) => j.finishedAt))) : null,
        providerUpdatedAt: latest([
          p.created_at,
          p.finished_at,
          ...jobs.flatMap((j) => [j.startedAt, j.finishedAt]),
        ]),
      },
      jobs,
    },
  };
}
