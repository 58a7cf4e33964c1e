import "server-only";
import { and, eq } from "drizzle-orm";
import { AppError, parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, assertProjectVisible } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import type { Executor } from "@/lib/db/client";
import { pipelineRuns, pipelines, projects } from "@/lib/db/schema";
import { loadRunDetail, type RunDetail } from "./load-run-detail";
import {
  isoToDate,
  type ReportRunBody,
  reportRunBody,
  runExternalIdSchema,
  runProviderSchema,
} from "./report-schemas";
import { slugify } from "./slugify";
import { type NormalizedRun, normalizedRunSchema, upsertRun } from "./upsert-run";

export type ReportRunInput = { provider: string; externalId: string; body: unknown };
export type ReportRunResult = {
  run: RunDetail;
  /** The run did not exist before this report. */
  created: boolean;
  /** The report changed what Tandem stores (false for a replay or a stale, older report). */
  applied: boolean;
};

function pathError(path: string, message: string): AppError {
  return new AppError("invalid_request", message, { fields: [{ path, message }] });
}

/** The stored state that a report can change (Tandem's own `updatedAt` left out). */
function fingerprint(run: RunDetail | null): string {
  if (!run) return "";
  const { updatedAt: _updatedAt, ...rest } = run;
  return JSON.stringify(rest);
}

async function findRunId(db: Executor, run: NormalizedRun): Promise<string | null> {
  const [row] = await db
    .select({ id: pipelineRuns.id })
    .from(pipelineRuns)
    .innerJoin(pipelines, eq(pipelines.id, pipelineRuns.pipelineId))
    .where(
      and(
        eq(pipelines.projectId, run.projectId),
        eq(pipelines.provider, run.pipeline.provider),
        eq(pipelines.externalId, run.pipeline.externalId),
        eq(pipelineRuns.externalId, run.run.externalId),
      ),
    )
    .for("update", { of: pipelineRuns })
    .limit(1);
  return row?.id ?? null;
}

/**
 * The "any other CI" upsert: stores a run reported by Jenkins, CircleCI or a training
 * script, idempotently and newest-wins (see upsertRun). Needs runs:write and a visible
 * project (404 otherwise). Everything, jobs included, is validated before anything is
 * written and written in one transaction; `run.report` is audited only on creation.
 */
export async function reportRun(ctx: ServiceContext, input: ReportRunInput): Promise<ReportRunResult> {
  assertCan(ctx.actor, "runs:write");
  const provider = runProviderSchema.safeParse(input.provider);
  if (!provider.success)
    throw pathError(
      "provider",
      `Unknown provider "${input.provider}": use github, gitlab, azure_devops or generic.`,
    );
  const externalId = runExternalIdSchema.safeParse(input.externalId);
  if (!externalId.success) throw pathError("externalId", externalId.error.issues[0]!.message);
  const body = parseInput(reportRunBody, input.body as ReportRunBody);

  const [project] = await ctx.db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.slug, body.project))
    .limit(1);
  if (!project) throw new AppError("not_found", `No project "${body.project}".`);
  assertProjectVisible(ctx.actor, project.id);

  const pipelineExternalId = body.pipeline.externalId ?? (slugify(body.pipeline.name) || body.pipeline.name);
  const normalized = parseInput(normalizedRunSchema, {
    projectId: project.id,
    pipeline: { ...body.pipeline, provider: provider.data, externalId: pipelineExternalId },
    run: {
      ...body,
      externalId: externalId.data,
      queuedAt: new Date(body.queuedAt ?? body.startedAt ?? nowOf(ctx).toISOString()),
      startedAt: isoToDate(body.startedAt),
      finishedAt: isoToDate(body.finishedAt),
      providerUpdatedAt: isoToDate(body.updatedAt),
    },
    jobs: body.jobs?.map((job) => ({
      ...job,
      startedAt: isoToDate(job.startedAt),
      finishedAt: isoToDate(job.finishedAt),
    })),
  });

  return ctx.db.transaction(async (tx) => {
    // Locked, so the before/after comparison below is not raced by a concurrent report.
    const existingId = await findRunId(tx, normalized);
    const before = existingId ? await loadRunDetail(tx, existingId) : null;
    const result = await upsertRun(tx, normalized);
    const run = await loadRunDetail(tx, result.runId);
    if (!run) throw new AppError("internal", "The run was not stored.");
    if (result.created) {
      await recordAudit(tx, ctx.actor, {
        action: "run.report",
        targetType: "pipeline_run",
        targetId: run.id,
        projectId: project.id,
        data: {
          provider: provider.data,
          externalId: externalId.data,
          pipeline: run.pipeline.name,
          status: run.status,
        },
      });
    }
    return {
      run,
      created: result.created,
      applied: result.created || fingerprint(before) !== fingerprint(run),
    };
  });
}
