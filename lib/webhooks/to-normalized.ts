import "server-only";
import { z } from "zod";
import { InvalidPayloadError } from "@/lib/providers/shared/payload";
import type { JobDraft, RunDraft } from "@/lib/providers/shared/types";
import {
  type NormalizedJob,
  type NormalizedRun,
  normalizedJobSchema,
  normalizedRunSchema,
} from "@/lib/runs/upsert-run";

function check<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new InvalidPayloadError(
      `the mapped run does not fit Tandem's shape: ${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}

/** A mapper's draft as the run upsertRun stores, checked by the same schema as the REST API's. */
export function toNormalizedRun(draft: RunDraft, projectId: string, connectionId: string): NormalizedRun {
  return check(normalizedRunSchema, {
    projectId,
    pipeline: { ...draft.pipeline, connectionId },
    run: draft.run,
    jobs: draft.jobs,
  });
}

export function toNormalizedJobs(jobs: JobDraft[]): NormalizedJob[] {
  return check(z.array(normalizedJobSchema).max(1000), jobs);
}
