import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { pipelines, projects } from "@/lib/db/schema";

export type PipelineOption = { id: string; name: string; projectName: string };

/** Pipelines the actor may see (within `projectIds` when given), for the list's pipeline filter. */
export async function listPipelineOptions(
  ctx: ServiceContext,
  input: { projectIds: string[] | null },
): Promise<PipelineOption[]> {
  assertCan(ctx.actor, "runs:read");
  const visible = ctx.actor.projectIds
    ? (input.projectIds ?? [...ctx.actor.projectIds]).filter((id) => ctx.actor.projectIds!.includes(id))
    : input.projectIds;
  if (visible && visible.length === 0) return [];
  return ctx.db
    .select({ id: pipelines.id, name: pipelines.name, projectName: projects.name })
    .from(pipelines)
    .innerJoin(projects, eq(projects.id, pipelines.projectId))
    .where(visible ? inArray(pipelines.projectId, visible) : undefined)
    .orderBy(asc(projects.name), asc(pipelines.name))
    .limit(500);
}
