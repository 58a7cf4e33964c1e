import "server-only";
import { asc, inArray } from "drizzle-orm";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { environments } from "@/lib/db/schema";
import { withinActorScope } from "@/lib/projects/within-actor-scope";

/**
 * The environment slugs of the projects in scope, in promotion order, one per slug (projects
 * share names such as "production"): the options of the releases list's "Deployed in" filter.
 */
export async function listEnvironmentOptions(
  ctx: ServiceContext,
  input: { projectIds: string[] | null },
): Promise<{ value: string; label: string }[]> {
  assertCan(ctx.actor, "deployments:read");
  const projectIds = withinActorScope(ctx.actor, input.projectIds);
  if (projectIds && projectIds.length === 0) return [];
  const rows = await ctx.db
    .select({ slug: environments.slug, name: environments.name })
    .from(environments)
    .where(projectIds ? inArray(environments.projectId, projectIds) : undefined)
    .orderBy(asc(environments.position), asc(environments.slug));
  const bySlug = new Map<string, string>();
  for (const row of rows) if (!bySlug.has(row.slug)) bySlug.set(row.slug, row.name);
  return [...bySlug].map(([value, label]) => ({ value, label }));
}
