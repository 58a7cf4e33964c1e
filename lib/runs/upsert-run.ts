import "server-only";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/lib/db/client";
import { pipelineJobs, pipelineRuns, pipelines } from "@/lib/db/schema";
import { pipelineKindEnum, providerEnum, runStatusEnum } from "@/lib/db/schema/enums";

const url = z.url().max(2000);
const text = (max: number) => z.string().trim().min(1).max(max);
const time = z.coerce.date();

export const normalizedJobSchema = z.object({
  externalId: text(200),
  name: text(300),
  stage: text(200).nullish(),
  status: z.enum(runStatusEnum.enumValues),
  runner: text(300).nullish(),
  url: url.nullish(),
  position: z.number().int().min(0).max(10_000).optional(),
  startedAt: time.nullish(),
  finishedAt: time.nullish(),
});

/** A run in Tandem's own shape, whatever provider it came from (webhook, sync or REST). */
export const normalizedRunSchema = z.object({
  projectId: z.uuid(),
  pipeline: z.object({
    provider: z.enum(providerEnum.enumValues),
    externalId: text(300),
    name: text(300),
    kind: z.enum(pipelineKindEnum.enumValues).optional(),
    repository: text(500).nullish(),
    url: url.nullish(),
    connectionId: z.uuid().nullish(),
  }),
  run: z.object({
    externalId: text(200),
    runNumber: z.number().int().min(0).nullish(),
    attempt: z.number().int().min(1).max(1000).optional(),
    status: z.enum(runStatusEnum.enumValues),
    title: z.string().max(1000).nullish(),
    commitSha: z
      .string()
      .regex(/^[0-9a-f]{7,64}$/i, "must be a hex commit sha")
      .nullish(),
    branch: text(500).nullish(),
    actor: text(300).nullish(),
    trigger: text(100).nullish(),
    url: url.nullish(),
    queuedAt: time,
    startedAt: time.nullish(),
    finishedAt: time.nullish(),
    /** The provider's own last-updated time: the tie-breaker for out-of-order events. */
    providerUpdatedAt: time.nullish(),
  }),
  jobs: z.array(normalizedJobSchema).max(1000).optional(),
});
export type NormalizedRun = z.infer<typeof normalizedRunSchema>;
export type NormalizedJob = z.infer<typeof normalizedJobSchema>;

/** queued < running < finished: how far along a status is. */
function progress(status: SQL): SQL {
  return sql`(case ${status} when 'queued' then 0 when 'running' then 1 else 2 end)`;
}

/**
 * An incoming run replaces the stored one only when it is newer: a higher attempt, or the
 * same attempt further along, or the same stage with a provider timestamp at least as
 * recent. So a late `in_progress` never overwrites `completed`.
 */
const runIsNewer = sql`(
  excluded.attempt > ${pipelineRuns.attempt}
  or (excluded.attempt = ${pipelineRuns.attempt} and (
    ${progress(sql`excluded.status`)} > ${progress(sql`${pipelineRuns.status}`)}
    or (${progress(sql`excluded.status`)} = ${progress(sql`${pipelineRuns.status}`)}
        and coalesce(excluded.provider_updated_at, 'epoch') >= coalesce(${pipelineRuns.providerUpdatedAt}, 'epoch'))
  ))
)`;

/** Jobs have no attempt or provider timestamp: further along, or the same stage but later. */
const jobIsNewer = sql`(
  ${progress(sql`excluded.status`)} > ${progress(sql`${pipelineJobs.status}`)}
  or (${progress(sql`excluded.status`)} = ${progress(sql`${pipelineJobs.status}`)}
      and coalesce(excluded.finished_at, excluded.started_at, 'epoch')
          >= coalesce(${pipelineJobs.finishedAt}, ${pipelineJobs.startedAt}, 'epoch'))
)`;

export type UpsertRunResult = { runId: string; pipelineId: string; created: boolean; applied: boolean };

/**
 * Stores a normalized run idempotently: the pipeline by (project, provider, external id),
 * the run by (pipeline, external id), jobs by (run, external id). Replays and stale events
 * change nothing. Call inside the caller's transaction.
 */
export async function upsertRun(db: Executor, input: NormalizedRun): Promise<UpsertRunResult> {
  const { pipeline, run } = input;
  const [pipelineRow] = await db
    .insert(pipelines)
    .values({
      projectId: input.projectId,
      provider: pipeline.provider,
      externalId: pipeline.externalId,
      name: pipeline.name,
      kind: pipeline.kind ?? "ci",
      repository: pipeline.repository ?? null,
      url: pipeline.url ?? null,
      connectionId: pipeline.connectionId ?? null,
    })
    .onConflictDoUpdate({
      target: [pipelines.projectId, pipelines.provider, pipelines.externalId],
      set: {
        name: sql`excluded.name`,
        url: sql`coalesce(excluded.url, ${pipelines.url})`,
        repository: sql`coalesce(excluded.repository, ${pipelines.repository})`,
        connectionId: sql`coalesce(excluded.connection_id, ${pipelines.connectionId})`,
      },
    })
    .returning({ id: pipelines.id });
  const pipelineId = pipelineRow!.id;

  const values = {
    pipelineId,
    projectId: input.projectId,
    provider: pipeline.provider,
    externalId: run.externalId,
    runNumber: run.runNumber ?? null,
    attempt: run.attempt ?? 1,
    status: run.status,
    title: run.title ?? null,
    commitSha: run.commitSha?.toLowerCase() ?? null,
    branch: run.branch ?? null,
    actor: run.actor ?? null,
    trigger: run.trigger ?? null,
    url: run.url ?? null,
    queuedAt: run.queuedAt,
    startedAt: run.startedAt ?? null,
    finishedAt: run.finishedAt ?? null,
    providerUpdatedAt: run.providerUpdatedAt ?? null,
  };
  const [written] = await db
    .insert(pipelineRuns)
    .values(values)
    .onConflictDoUpdate({
      target: [pipelineRuns.pipelineId, pipelineRuns.externalId],
      set: {
        runNumber: sql`coalesce(excluded.run_number, ${pipelineRuns.runNumber})`,
        attempt: sql`excluded.attempt`,
        status: sql`excluded.status`,
        title: sql`coalesce(excluded.title, ${pipelineRuns.title})`,
        commitSha: sql`coalesce(excluded.commit_sha, ${pipelineRuns.commitSha})`,
        branch: sql`coalesce(excluded.branch, ${pipelineRuns.branch})`,
        actor: sql`coalesce(excluded.actor, ${pipelineRuns.actor})`,
        trigger: sql`coalesce(excluded.trigger, ${pipelineRuns.trigger})`,
        url: sql`coalesce(excluded.url, ${pipelineRuns.url})`,
        queuedAt: sql`least(excluded.queued_at, ${pipelineRuns.queuedAt})`,
        startedAt: sql`coalesce(excluded.started_at, ${pipelineRuns.startedAt})`,
        finishedAt: sql`excluded.finished_at`,
        providerUpdatedAt: sql`excluded.provider_updated_at`,
        updatedAt: sql`now()`,
      },
      setWhere: runIsNewer,
    })
    .returning({ id: pipelineRuns.id, created: sql<boolean>`(xmax = 0)` });

  let runId = written?.id;
  if (!runId) {
    // Stale event: the stored run is newer; nothing to change, but callers need its id.
    const [existing] = await db
      .select({ id: pipelineRuns.id })
      .from(pipelineRuns)
      .where(and(eq(pipelineRuns.pipelineId, pipelineId), eq(pipelineRuns.externalId, run.externalId)));
    runId = existing!.id;
  }
  if (input.jobs?.length) await upsertJobs(db, runId, input.jobs);
  return { runId, pipelineId, created: Boolean(written?.created), applied: Boolean(written) };
}

/** Stores jobs of a run with the same newer-wins rule; returns how many changed. */
export async function upsertJobs(db: Executor, runId: string, jobs: NormalizedJob[]): Promise<number> {
  if (jobs.length === 0) return 0;
  const rows = await db
    .insert(pipelineJobs)
    .values(
      jobs.map((job, index) => ({
        runId,
        externalId: job.externalId,
        name: job.name,
        stage: job.stage ?? null,
        status: job.status,
        runner: job.runner ?? null,
        url: job.url ?? null,
        position: job.position ?? index,
        startedAt: job.startedAt ?? null,
        finishedAt: job.finishedAt ?? null,
      })),
    )
    .onConflictDoUpdate({
      target: [pipelineJobs.runId, pipelineJobs.externalId],
      set: {
        name: sql`excluded.name`,
        stage: sql`coalesce(excluded.stage, ${pipelineJobs.stage})`,
        status: sql`excluded.status`,
        runner: sql`coalesce(excluded.runner, ${pipelineJobs.runner})`,
        url: sql`coalesce(excluded.url, ${pipelineJobs.url})`,
        startedAt: sql`coalesce(excluded.started_at, ${pipelineJobs.startedAt})`,
        finishedAt: sql`excluded.finished_at`,
      },
      setWhere: jobIsNewer,
    })
    .returning({ id: pipelineJobs.id });
  return rows.length;
}
