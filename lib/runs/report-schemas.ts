import { z } from "zod";
import { pipelineKindEnum, providerEnum, runStatusEnum } from "@/lib/db/schema/enums";

/**
 * Request bodies of the "any other CI" API (`PUT /api/v1/runs/{provider}/{externalId}`,
 * `POST /api/v1/runs/{id}/jobs`). Times are ISO 8601 with an offset; the verbs turn them
 * into Tandem's normalized run. Kept free of transforms so the OpenAPI document shows them
 * exactly as a client sends them.
 */

export const runProviderSchema = z.enum(providerEnum.enumValues, {
  error: "Use one of: github, gitlab, azure_devops, generic.",
});

export const runExternalIdSchema = z
  .string()
  .trim()
  .min(1, "Give the run an id.")
  .max(200, "Use at most 200 characters.");

const time = z.iso.datetime({ offset: true, error: "Use an ISO 8601 time such as 2026-03-01T10:00:00Z." });
const text = (max: number) => z.string().trim().min(1).max(max);
const url = z.url().max(2000);
const status = z.enum(runStatusEnum.enumValues, {
  error: "Use one of: queued, running, succeeded, failed, cancelled, skipped.",
});

function finishAfterStart(
  value: { startedAt?: string | null; finishedAt?: string | null },
  ctx: z.RefinementCtx,
) {
  if (value.startedAt && value.finishedAt && Date.parse(value.finishedAt) < Date.parse(value.startedAt)) {
    ctx.addIssue({ code: "custom", path: ["finishedAt"], message: "finishedAt is before startedAt." });
  }
}

export const reportJobSchema = z
  .object({
    externalId: text(200),
    name: text(300),
    stage: text(200).nullish(),
    status,
    runner: text(300).nullish(),
    url: url.nullish(),
    position: z.number().int().min(0).max(10_000).optional(),
    startedAt: time.nullish(),
    finishedAt: time.nullish(),
  })
  .superRefine(finishAfterStart);
export type ReportJob = z.infer<typeof reportJobSchema>;

const jobs = z
  .array(reportJobSchema)
  .max(1000, "Send at most 1000 jobs at once.")
  .refine(
    (list) => new Set(list.map((j) => j.externalId)).size === list.length,
    "Each job needs its own externalId.",
  );

export const reportRunBody = z
  .object({
    /** The Tandem project's slug; the token must be allowed to see it. */
    project: text(200),
    pipeline: z.object({
      /** Defaults to the name, slugified. */
      externalId: text(300).optional(),
      name: text(300),
      kind: z.enum(pipelineKindEnum.enumValues).optional(),
      url: url.nullish(),
      repository: text(500).nullish(),
    }),
    status,
    runNumber: z.number().int().min(0).nullish(),
    /** A re-run is a higher attempt; it replaces the stored state even when it starts over. */
    attempt: z.number().int().min(1).max(1000).optional(),
    title: z.string().max(1000).nullish(),
    commitSha: z
      .string()
      .regex(/^[0-9a-f]{7,64}$/i, "Use a hex commit sha.")
      .nullish(),
    branch: text(500).nullish(),
    actor: text(300).nullish(),
    trigger: text(100).nullish(),
    url: url.nullish(),
    /** Defaults to startedAt, or the time of the first report. */
    queuedAt: time.optional(),
    startedAt: time.nullish(),
    finishedAt: time.nullish(),
    /** Your CI's last-updated time: an older report never overwrites a newer one. */
    updatedAt: time.nullish(),
    jobs: jobs.optional(),
  })
  .superRefine(finishAfterStart);
export type ReportRunBody = z.input<typeof reportRunBody>;

export const reportJobsBody = z.object({ jobs: jobs.min(1, "Send at least one job.") });
export type ReportJobsBody = z.input<typeof reportJobsBody>;

/** An ISO time from a report body as a Date; null and undefined pass through. */
export function isoToDate(value: string | null | undefined): Date | null | undefined {
  return value ? new Date(value) : (value as null | undefined);
}
