import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { projects, releases } from "@/lib/db/schema";

export type VisibleRelease = typeof releases.$inferSelect & { projectSlug: string; projectName: string };

const uuid = z.uuid();

/**
 * The release with this id, or a 404 when it does not exist, the id is not a uuid, or its
 * project is outside the actor's (so a project-limited token learns nothing).
 */
export async function loadVisibleRelease(db: Executor, actor: Actor, id: string): Promise<VisibleRelease> {
  const notFound = new AppError("not_found", "Release not found.");
  if (!uuid.safeParse(id).success) throw notFound;
  const [row] = await db
    .select({ release: releases, projectSlug: projects.slug, projectName: projects.name })
    .from(releases)
    .innerJoin(projects, eq(projects.id, releases.projectId))
    .where(eq(releases.id, id))
    .limit(1);
  if (!row || (actor.projectIds && !actor.projectIds.includes(row.release.projectId))) throw notFound;
  return { ...row.release, projectSlug: row.projectSlug, projectName: row.projectName };
}

/** A 400 naming one field, for facts only the database can check (an unknown build run). */
export function fieldError(path: string, message: string): AppError {
  return new AppError("invalid_request", message, { fields: [{ path, message }] });
}
