import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { AppError, parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, assertProjectVisible } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import type { Executor } from "@/lib/db/client";
import {
  models,
  modelVersions,
  pipelineRuns,
  projects,
  releaseModelVersions,
  releases,
} from "@/lib/db/schema";
import { findRunByRef } from "@/lib/runs/find-run-by-ref";
import { fieldError } from "./access";
import { type CreateReleaseInput, createReleaseBody } from "./schemas";

type Body = ReturnType<typeof createReleaseBody.parse>;
type Release = typeof releases.$inferSelect;

export type CreatedRelease = {
  release: Release & { projectSlug: string; modelVersionIds: string[] };
  /** False when the same release (same version, same contents) already existed: nothing was written. */
  created: boolean;
};

/** The build run, by Tandem id or by provider and external id, within the release's project. */
async function resolveBuildRun(
  db: Executor,
  projectId: string,
  body: Body,
): Promise<{ id: string; commitSha: string | null } | null> {
  if (body.buildRunId) {
    const [run] = await db
      .select({ id: pipelineRuns.id, commitSha: pipelineRuns.commitSha })
      .from(pipelineRuns)
      .where(and(eq(pipelineRuns.id, body.buildRunId), eq(pipelineRuns.projectId, projectId)));
    if (!run) throw fieldError("buildRunId", "No such pipeline run in this project; report the run first.");
    return run;
  }
  if (!body.buildRun) return null;
  return findRunByRef(db, projectId, body.buildRun, { field: "buildRun", projectNoun: "this project" });
}

/** The model versions, all of which must belong to the release's project (400 naming the first stranger). */
async function checkModelVersions(db: Executor, projectId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await db
    .select({ id: modelVersions.id })
    .from(modelVersions)
    .innerJoin(models, eq(models.id, modelVersions.modelId))
    .where(and(inArray(modelVersions.id, ids), eq(models.projectId, projectId)));
  const known = new Set(found.map((r) => r.id));
  const index = ids.findIndex((id) => !known.has(id));
  if (index >= 0) {
    throw fieldError(`modelVersionIds.${index}`, "No such model version in this release's project.");
  }
}

const sameContents = (
  a: Release,
  aVersions: string[],
  b: Omit<Release, "id" | "createdAt">,
  bVersions: string[],
) =>
  a.commitSha === b.commitSha &&
  a.artifactUri === b.artifactUri &&
  a.buildRunId === b.buildRunId &&
  aVersions.length === bVersions.length &&
  aVersions.every((id) => bVersions.includes(id));

/**
 * Records a release: a build (commit, artifact, build run) and/or model versions of one
 * project, its version unique per project. Needs deployments:write and a visible project.
 * Idempotent on (project, version): the same contents again answer the existing release
 * (`created: false`, nothing written); different contents are a 409. Audited as
 * `release.create`.
 */
export async function createRelease(
  ctx: ServiceContext,
  rawInput: CreateReleaseInput,
): Promise<CreatedRelease> {
  assertCan(ctx.actor, "deployments:write");
  const body = parseInput(createReleaseBody, rawInput);
  const [project] = await ctx.db
    .select({ id: projects.id, slug: projects.slug })
    .from(projects)
    .where(body.projectId ? eq(projects.id, body.projectId) : eq(projects.slug, body.project!))
    .limit(1);
  if (!project) throw new AppError("not_found", "Project not found.");
  assertProjectVisible(ctx.actor, project.id);
  const versionIds = [...new Set(body.modelVersionIds ?? [])].sort();

  return ctx.db.transaction(async (tx) => {
    const run = await resolveBuildRun(tx, project.id, body);
    await checkModelVersions(tx, project.id, versionIds);
    const values = {
      projectId: project.id,
      version: body.version,
      // A build run names its commit; the release takes it unless the caller said otherwise.
      commitSha: body.commitSha ?? run?.commitSha ?? null,
      artifactUri: body.artifactUri ?? null,
      buildRunId: run?.id ?? null,
      createdBy: body.createdBy ?? ctx.actor.email,
    };
    // Two callers with the same version at once: the unique index decides, the loser compares.
    const [inserted] = await tx
      .insert(releases)
      .values(values)
      .onConflictDoNothing({ target: [releases.projectId, releases.version] })
      .returning();
    if (!inserted) {
      const [existing] = await tx
        .select()
        .from(releases)
        .where(and(eq(releases.projectId, project.id), eq(releases.version, body.version)));
      const existingVersions = (
        await tx
          .select({ id: releaseModelVersions.modelVersionId })
          .from(releaseModelVersions)
          .where(eq(releaseModelVersions.releaseId, existing!.id))
      )
        .map((r) => r.id)
        .sort();
      if (!sameContents(existing!, existingVersions, values, versionIds)) {
        throw new AppError(
          "conflict",
          `Project ${project.slug} already has a release ${body.version} with different contents.`,
          { field: "version", releaseId: existing!.id },
        );
      }
      return {
        release: { ...existing!, projectSlug: project.slug, modelVersionIds: existingVersions },
        created: false,
      };
    }
    if (versionIds.length > 0) {
      await tx
        .insert(releaseModelVersions)
        .values(versionIds.map((modelVersionId) => ({ releaseId: inserted.id, modelVersionId })));
    }
    await recordAudit(tx, ctx.actor, {
      action: "release.create",
      targetType: "release",
      targetId: inserted.id,
      projectId: project.id,
      data: {
        version: inserted.version,
        project: project.slug,
        commitSha: inserted.commitSha,
        artifactUri: inserted.artifactUri,
        buildRunId: inserted.buildRunId,
        modelVersionIds: versionIds,
      },
    });
    return {
      release: { ...inserted, projectSlug: project.slug, modelVersionIds: versionIds },
      created: true,
    };
  });
}
