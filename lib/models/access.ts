import "server-only";
import { eq } from "drizzle-orm";
import type { ZodType } from "zod";
import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { models, projects } from "@/lib/db/schema";

/**
 * Shared by the registry's verbs: finding a model the actor may see (404 otherwise, so a
 * project-limited token learns nothing), and input parsing that stays readable when a
 * 100,000-point history is wrong everywhere.
 */

const uuid = z.uuid();

export function isUuid(value: string): boolean {
  return uuid.safeParse(value).success;
}

export type VisibleModel = typeof models.$inferSelect & { projectSlug: string };

/**
 * The model with this id, or a 404 when it does not exist, the id is not a uuid, or its
 * project is outside the actor's. `lock` takes the row `for update`, which serializes
 * version numbering and alias moves of one model.
 */
export async function loadVisibleModel(
  db: Executor,
  actor: Actor,
  modelId: string,
  options: { lock?: boolean } = {},
): Promise<VisibleModel> {
  const notFound = new AppError("not_found", "Model not found.");
  if (!isUuid(modelId)) throw notFound;
  const query = db
    .select({ model: models, projectSlug: projects.slug })
    .from(models)
    .innerJoin(projects, eq(projects.id, models.projectId))
    .where(eq(models.id, modelId))
    .limit(1);
  const [row] = options.lock ? await query.for("update", { of: models }) : await query;
  if (!row || (actor.projectIds && !actor.projectIds.includes(row.model.projectId))) throw notFound;
  return { ...row.model, projectSlug: row.projectSlug };
}

/** At most this many invalid fields are listed; the count of the rest is in the message. */
const MAX_LISTED_FIELDS = 50;

/**
 * Validates a verb's input like parseInput, but lists at most 50 bad fields: a history
 * whose every point is wrong must not answer with a 100,000-entry error.
 */
export function parseBody<T>(schema: ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const fields = issues
    .slice(0, MAX_LISTED_FIELDS)
    .map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  const more = issues.length - fields.length;
  const message =
    more > 0
      ? `The request is not valid (${more} more invalid fields not listed).`
      : "The request is not valid.";
  throw new AppError("invalid_request", message, { fields });
}

/** A 400 naming one field, for facts only the database can check (an unknown source run). */
export function fieldError(path: string, message: string): AppError {
  return new AppError("invalid_request", message, { fields: [{ path, message }] });
}

/** Postgres unique_violation, whether thrown directly or wrapped by drizzle. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/** Params and tags arrive as strings, numbers or booleans; Tandem stores strings. */
export function stringValues(record: Record<string, string | number | boolean> | undefined) {
  return Object.fromEntries(Object.entries(record ?? {}).map(([k, v]) => [k, String(v)]));
}
