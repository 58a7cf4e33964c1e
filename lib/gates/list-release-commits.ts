import "server-only";
import { and, desc, eq, gt, inArray, isNotNull, lte } from "drizzle-orm";
import { z } from "zod";
import { AppError, parseInput } from "@/lib/api/errors";
import { assertCan, assertProjectVisible } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import type { Executor } from "@/lib/db/client";
import { pipelineRuns, pipelines, releases } from "@/lib/db/schema";
import { type CommitsBetween, collectCommits } from "./commits-between";

const input = z.object({ candidateReleaseId: z.uuid(), currentReleaseId: z.uuid().nullable() });

/** Runs considered at most; far more than a release's worth of commits. */
const RUN_LIMIT = 2000;

type BuildRef = { branch: string | null; queuedAt: Date; commitSha: string | null; projectId: string };

/** The release's build run: its buildRunId, else the newest CI run of its commit. */
async function buildOf(db: Executor, releaseId: string): Promise<BuildRef | null> {
  const [release] = await db.select().from(releases).where(eq(releases.id, releaseId));
  if (!release) return null;
  const ci = and(eq(pipelines.kind, "ci"), eq(pipelineRuns.projectId, release.projectId));
  const where = release.buildRunId
    ? eq(pipelineRuns.id, release.buildRunId)
    : release.commitSha
      ? and(ci, eq(pipelineRuns.commitSha, release.commitSha))
      : null;
  if (!where) return null;
  const [run] = await db
    .select({ branch: pipelineRuns.branch, queuedAt: pipelineRuns.queuedAt })
    .from(pipelineRuns)
    .innerJoin(pipelines, eq(pipelines.id, pipelineRuns.pipelineId))
    .where(where)
    .orderBy(desc(pipelineRuns.queuedAt))
    .limit(1);
  return run ? { ...run, commitSha: release.commitSha, projectId: release.projectId } : null;
}

/**
 * The commits a software promotion would ship: CI runs of the project's CI pipelines on
 * the candidate build's branch, after the build running now and up to the candidate's
 * build, one per commit, at most 50 with a count of the rest. Null when either build is
 * unknown (nothing to compare).
 */
export async function listReleaseCommits(
  ctx: ServiceContext,
  raw: { candidateReleaseId: string; currentReleaseId: string | null },
): Promise<CommitsBetween | null> {
  assertCan(ctx.actor, "promotions:read");
  const ids = parseInput(input, raw);
  const candidate = await buildOf(ctx.db, ids.candidateReleaseId);
  if (!candidate) {
    const [exists] = await ctx.db
      .select({ projectId: releases.projectId })
      .from(releases)
      .where(eq(releases.id, ids.candidateReleaseId));
    if (!exists) throw new AppError("not_found", "Release not found.");
    assertProjectVisible(ctx.actor, exists.projectId);
    return null;
  }
  assertProjectVisible(ctx.actor, candidate.projectId);
  const current = ids.currentReleaseId ? await buildOf(ctx.db, ids.currentReleaseId) : null;
  if (!current || current.projectId !== candidate.projectId || current.queuedAt >= candidate.queuedAt)
    return null;

  const ciPipelines = ctx.db
    .select({ id: pipelines.id })
    .from(pipelines)
    .where(and(eq(pipelines.projectId, candidate.projectId), eq(pipelines.kind, "ci")));
  const runs = await ctx.db
    .select({
      commitSha: pipelineRuns.commitSha,
      title: pipelineRuns.title,
      actor: pipelineRuns.actor,
      url: pipelineRuns.url,
      queuedAt: pipelineRuns.queuedAt,
    })
    .from(pipelineRuns)
    .where(
      and(
        eq(pipelineRuns.projectId, candidate.projectId),
        inArray(pipelineRuns.pipelineId, ciPipelines),
        candidate.branch ? eq(pipelineRuns.branch, candidate.branch) : undefined,
        isNotNull(pipelineRuns.commitSha),
        gt(pipelineRuns.queuedAt, current.queuedAt),
        lte(pipelineRuns.queuedAt, candidate.queuedAt),
      ),
    )
    .orderBy(desc(pipelineRuns.queuedAt))
    .limit(RUN_LIMIT);
  return collectCommits(runs, { excludeSha: current.commitSha });
}
