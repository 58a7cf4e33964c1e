import "server-only";
import { and, eq } from "drizzle-orm";
import { AppError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, assertProjectVisible } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { models, projects } from "@/lib/db/schema";
import { isUniqueViolation, parseBody, stringValues, type VisibleModel } from "./access";
import { type CreateModelInput, createModelBody } from "./schemas";

function duplicateName(name: string, project: string): AppError {
  return new AppError("conflict", `Project ${project} already has a model named "${name}".`, {
    field: "name",
  });
}

/**
 * Registers a model in a project (by slug). Needs models:write and a visible project (404
 * otherwise); a name already used in the project is a 409. Audited as `model.create`.
 */
export async function createModel(ctx: ServiceContext, rawInput: CreateModelInput): Promise<VisibleModel> {
  assertCan(ctx.actor, "models:write");
  const input = parseBody(createModelBody, rawInput);
  const [project] = await ctx.db
    .select({ id: projects.id, slug: projects.slug })
    .from(projects)
    .where(eq(projects.slug, input.project))
    .limit(1);
  if (!project) throw new AppError("not_found", `No project "${input.project}".`);
  assertProjectVisible(ctx.actor, project.id);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: models.id })
        .from(models)
        .where(and(eq(models.projectId, project.id), eq(models.name, input.name)))
        .limit(1);
      if (existing) throw duplicateName(input.name, project.slug);
      const [model] = await tx
        .insert(models)
        .values({
          projectId: project.id,
          name: input.name,
          description: input.description ?? "",
          owner: input.owner ?? null,
          tags: stringValues(input.tags),
          primaryMetric: input.primaryMetric ?? null,
          primaryMetricDirection: input.primaryMetricDirection ?? "higher",
        })
        .returning();
      if (!model) throw new AppError("internal", "The model was not created.");
      await recordAudit(tx, ctx.actor, {
        action: "model.create",
        targetType: "model",
        targetId: model.id,
        projectId: project.id,
        data: { name: model.name, project: project.slug },
      });
      return { ...model, projectSlug: project.slug };
    });
  } catch (error) {
    // Two callers creating the same name at once: the unique index decides.
    if (isUniqueViolation(error)) throw duplicateName(input.name, project.slug);
    throw error;
  }
}
