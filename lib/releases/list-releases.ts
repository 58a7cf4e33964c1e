import "server-only";
import { and, desc, eq, inArray, like, sql } from "drizzle-orm";
import { z } from "zod";
import { parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { afterCursor, decodeCursor, type Page, toPage } from "@/lib/db/keyset";
import { projects, releaseModelVersions, releases } from "@/lib/db/schema";
import { withinActorScope } from "@/lib/projects/within-actor-scope";
import { type ReleaseDeployedIn, releasesDeployedNow } from "./deployed-now";
import { listReleasesQuery } from "./schemas";

export const listReleasesInput = listReleasesQuery.omit({ projectId: true }).extend({
  /** The projects to list (resolved by the caller from `?projectId=` or the project switcher). */
  projectIds: z.array(z.string()).nullable().default(null),
});
export type ListReleasesInput = z.input<typeof listReleasesInput>;

export type ReleaseListItem = {
  id: string;
  projectId: string;
  projectSlug: string;
  projectName: string;
  version: string;
  commitSha: string | null;
  artifactUri: string | null;
  buildRunId: string | null;
  createdBy: string | null;
  createdAt: Date;
  modelVersionCount: number;
  /** Environments this release runs in now, in promotion order. */
  deployedIn: ReleaseDeployedIn[];
};

/** `%` and `_` typed by a person are letters, not wildcards. */
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Releases newest first (keyset on created time and id), each with its model-version count
 * and where it runs now. `q` matches the start of the version; `environment` keeps the
 * releases running now in environments with that slug.
 */
export async function listReleases(
  ctx: ServiceContext,
  rawInput: ListReleasesInput,
): Promise<Page<ReleaseListItem>> {
  assertCan(ctx.actor, "deployments:read");
  const input = parseInput(listReleasesInput, rawInput);
  const cursor = decodeCursor(input.cursor);
  const projectIds = withinActorScope(ctx.actor, input.projectIds);
  if (projectIds && projectIds.length === 0) return { items: [], nextCursor: null };
  const deployed = await releasesDeployedNow(ctx.db, projectIds);
  const inEnvironment = input.environment
    ? [...deployed].filter(([, where]) => where.some((w) => w.environmentSlug === input.environment))
    : null;
  if (inEnvironment && inEnvironment.length === 0) return { items: [], nextCursor: null };

  const rows = await ctx.db
    .select({
      id: releases.id,
      projectId: releases.projectId,
      projectSlug: projects.slug,
      projectName: projects.name,
      version: releases.version,
      commitSha: releases.commitSha,
      artifactUri: releases.artifactUri,
      buildRunId: releases.buildRunId,
      createdBy: releases.createdBy,
      createdAt: releases.createdAt,
      modelVersionCount:
        sql<number>`(select count(*) from ${releaseModelVersions} where ${releaseModelVersions.releaseId} = ${releases.id})`.mapWith(
          Number,
        ),
    })
    .from(releases)
    .innerJoin(projects, eq(projects.id, releases.projectId))
    .where(
      and(
        projectIds ? inArray(releases.projectId, projectIds) : undefined,
        inEnvironment
          ? inArray(
              releases.id,
              inEnvironment.map(([id]) => id),
            )
          : undefined,
        input.q ? like(releases.version, `${escapeLike(input.q)}%`) : undefined,
        afterCursor(releases.createdAt, releases.id, cursor),
      ),
    )
    .orderBy(desc(releases.createdAt), desc(releases.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (row) => ({ at: row.createdAt, id: row.id }));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({ ...r, deployedIn: deployed.get(r.id) ?? [] })),
  };
}
