import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { getDb } from "@/lib/db";
import { projectScope } from "@/lib/projects/project-scope";
import { parseScopeFilters } from "@/lib/queries/scope-filters";

/** Context and resolved project scope for a dashboard read, from URL search params. */
export async function dashboardScope(actor: Actor, params: Parameters<typeof parseScopeFilters>[0]) {
  const filters = parseScopeFilters(params);
  const ctx: ServiceContext = { db: await getDb(), actor };
  const projectIds = await projectScope(ctx, filters.project);
  return {
    ctx,
    filters: { project: filters.project, range: filters.range },
    rangeMs: filters.rangeMs,
    projectIds,
  };
}
