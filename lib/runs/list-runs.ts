import "server-only";
import { and, desc, eq, gte, inArray } from "drizzle-orm";
import { z } from "zod";
import { parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { afterCursor, decodeCursor, type Page, toPage } from "@/lib/db/keyset";
import { pipelineRuns, pipelines, projects } from "@/lib/db/schema";
import { pipelineKindEnum, providerEnum, runStatusEnum } from "@/lib/db/schema/enums";

export const listRunsInput = z.object({
  projectIds: z.array(z.string()).nullable().default(null),
  status: z.enum(runStatusEnum.enumValues).optional(),
  provider: z.enum(providerEnum.enumValues).optional(),
  pipeline: z.uuid().optional().describe("A pipeline id."),
  branch: z.string().trim().min(1).max(200).optional().describe("Exact branch name."),
  kind: z.enum(pipelineKindEnum.enumValues).optional().describe("The pipeline's kind."),
  actor: z.string().trim().min(1).max(200).optional().describe("Exact actor (who triggered the run)."),
  since: z.coerce.date().optional().describe("Only runs queued at or after this time."),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
});
export type ListRunsInput = z.input<typeof listRunsInput>;

export type RunListItem = {
  id: string;
  status: (typeof runStatusEnum.enumValues)[number];
  provider: (typeof providerEnum.enumValues)[number];
  runNumber: number | null;
  title: string | null;
  branch: string | null;
  commitSha: string | null;
  actor: string | null;
  url: string | null;
  queuedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  pipelineId: string;
  pipelineName: string;
  projectSlug: string;
  projectName: string;
};

/**
 * Runs across providers, newest first, one keyset page at a time; every filter narrows
 * (AND). The (queued_at, id) keyset walks pipeline_runs_queued_idx or its per-project /
 * per-pipeline twins, so deep pages cost the same as the first.
 */
export async function listRuns(ctx: ServiceContext, rawInput: ListRunsInput): Promise<Page<RunListItem>> {
  assertCan(ctx.actor, "runs:read");
  const input = parseInput(listRunsInput, rawInput);
  const cursor = decodeCursor(input.cursor);
  // A project-limited actor (token) never sees beyond its projects, whatever it asks for.
  const allowed = ctx.actor.projectIds;
  const projectIds = allowed
    ? (input.projectIds ?? [...allowed]).filter((id) => allowed.includes(id))
    : input.projectIds;
  const rows = await ctx.db
    .select({
      id: pipelineRuns.id,
      status: pipelineRuns.status,
      provider: pipelineRuns.provider,
      runNumber: pipelineRuns.runNumber,
      title: pipelineRuns.title,
      branch: pipelineRuns.branch,
      commitSha: pipelineRuns.commitSha,
      actor: pipelineRuns.actor,
      url: pipelineRuns.url,
      queuedAt: pipelineRuns.queuedAt,
      startedAt: pipelineRuns.startedAt,
      finishedAt: pipelineRuns.finishedAt,
      pipelineId: pipelines.id,
      pipelineName: pipelines.name,
      projectSlug: projects.slug,
      projectName: projects.name,
    })
    .from(pipelineRuns)
    .innerJoin(pipelines, eq(pipelines.id, pipelineRuns.pipelineId))
    .innerJoin(projects, eq(projects.id, pipelineRuns.projectId))
    .where(
      and(
        projectIds ? inArray(pipelineRuns.projectId, projectIds) : undefined,
        input.status ? eq(pipelineRuns.status, input.status) : undefined,
        input.provider ? eq(pipelineRuns.provider, input.provider) : undefined,
        input.pipeline ? eq(pipelineRuns.pipelineId, input.pipeline) : undefined,
        input.branch ? eq(pipelineRuns.branch, input.branch) : undefined,
        input.kind ? eq(pipelines.kind, input.kind) : undefined,
        input.actor ? eq(pipelineRuns.actor, input.actor) : undefined,
        input.since ? gte(pipelineRuns.queuedAt, input.since) : undefined,
        afterCursor(pipelineRuns.queuedAt, pipelineRuns.id, cursor),
      ),
    )
    .orderBy(desc(pipelineRuns.queuedAt), desc(pipelineRuns.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (row) => ({ at: row.queuedAt, id: row.id }));
}
