import "server-only";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/api/errors";
import type { ServiceContext } from "@/lib/context";
import { projects } from "@/lib/db/schema";

/**
 * The project ids a read is limited to: the one named by `slug` (404 if unknown or not
 * visible), else the actor's allowed projects, else null meaning every project.
 */
export async function projectScope(
  ctx: ServiceContext,
  slug: string | null | undefined,
): Promise<string[] | null> {
  const allowed = ctx.actor.projectIds;
  if (!slug) return allowed ? [...allowed] : null;
  const [project] = await ctx.db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.slug, slug))
    .limit(1);
  if (!project || (allowed && !allowed.includes(project.id))) {
    throw new AppError("not_found", `No project "${slug}".`);
  }
  return [project.id];
}
