import { eq } from "drizzle-orm";
import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import { apiRoute, readJson, readQuery } from "@/lib/api/route";
import { assertProjectVisible } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { projects } from "@/lib/db/schema";
import { dashboardScope } from "@/lib/overview/scope";
import { createRelease } from "@/lib/releases/create-release";
import { listReleases } from "@/lib/releases/list-releases";
import { type CreateReleaseInput, listReleasesQuery } from "@/lib/releases/schemas";

const query = listReleasesQuery.extend({ project: z.string().optional() });

/**
 * `GET /api/v1/releases?projectId=&q=&environment=&cursor=&limit=` → `{ items, nextCursor }`:
 * releases newest first with where each runs now (`?project=<slug>` works too).
 */
export const GET = apiRoute("deployments:read", async ({ request, actor }) => {
  const input = readQuery(request, query);
  const { ctx, projectIds } = await dashboardScope(actor, new URL(request.url).searchParams);
  let scope = projectIds;
  if (input.projectId) {
    const [project] = await ctx.db
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.id, input.projectId));
    if (!project) throw new AppError("not_found", "Project not found.");
    assertProjectVisible(actor, project.id);
    scope = projectIds && !projectIds.includes(project.id) ? [] : [project.id];
  }
  const { projectId: _, project: __, ...rest } = input;
  return NextResponse.json(await listReleases(ctx, { ...rest, projectIds: scope }));
});

/**
 * `POST /api/v1/releases` `{ project | projectId, version, commitSha?, artifactUri?,
 * buildRunId? | buildRun?, modelVersionIds?, createdBy? }` → 201 `{ release }`; 200 with the
 * existing release when the same version arrives again with the same contents; 409 when
 * they differ.
 */
export const POST = apiRoute("deployments:write", async ({ request, actor }) => {
  // The verb validates, so every field error comes back in one 400.
  const body = await readJson(request, z.unknown());
  const { release, created } = await createRelease({ db: await getDb(), actor }, body as CreateReleaseInput);
  return NextResponse.json({ release }, { status: created ? 201 : 200 });
});
