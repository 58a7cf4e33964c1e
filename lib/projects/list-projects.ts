import "server-only";
import { asc, inArray } from "drizzle-orm";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { projects } from "@/lib/db/schema";

export type ProjectSummary = { id: string; slug: string; name: string; description: string };

/** Projects the actor may see, by name. */
export async function listProjects(ctx: ServiceContext): Promise<ProjectSummary[]> {
  assertCan(ctx.actor, "projects:read");
  const ids = ctx.actor.projectIds;
  return ctx.db
    .select({ id: projects.id, slug: projects.slug, name: projects.name, description: projects.description })
    .from(projects)
    .where(ids ? inArray(projects.id, [...ids]) : undefined)
    .orderBy(asc(projects.name));
}
