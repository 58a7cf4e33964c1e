import "server-only";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { AppError, parseInput } from "@/lib/api/errors";
import { assertCan, assertProjectVisible } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { environments } from "@/lib/db/schema";
import { loadCurrentDeployment, loadSubject } from "./load-subjects";
import { checkPromotionOrder } from "./promotion-order";

const input = z
  .object({ releaseId: z.uuid().optional(), modelVersionId: z.uuid().optional() })
  .refine((v) => Boolean(v.releaseId) !== Boolean(v.modelVersionId), {
    path: ["releaseId"],
    message: "Give either a releaseId or a modelVersionId.",
  });

export type PromotionTarget = { id: string; slug: string; name: string; runsHere: boolean };
export type PromotionTargets = {
  projectId: string;
  subjectLabel: string;
  /** The project's environments in promotion order. */
  environments: PromotionTarget[];
  /** The environment the order allows next; null when it already runs in the last one. */
  nextEnvironmentId: string | null;
};

/**
 * Where a release or model version could be promoted, for the "Request promotion" dialog:
 * every environment of its project in order, where it runs now, and the next one.
 */
export async function listPromotionTargets(
  ctx: ServiceContext,
  raw: { releaseId: string } | { modelVersionId: string },
): Promise<PromotionTargets> {
  assertCan(ctx.actor, "promotions:read");
  const ref = parseInput(input, raw);
  const subject = await loadSubject(ctx.db, {
    releaseId: ref.releaseId ?? null,
    modelVersionId: ref.modelVersionId ?? null,
  });
  if (!subject)
    throw new AppError("not_found", ref.releaseId ? "Release not found." : "Model version not found.");
  assertProjectVisible(ctx.actor, subject.projectId);
  const envs = await ctx.db
    .select({
      id: environments.id,
      slug: environments.slug,
      name: environments.name,
      position: environments.position,
    })
    .from(environments)
    .where(eq(environments.projectId, subject.projectId))
    .orderBy(asc(environments.position));
  const runsIn = new Set<string>();
  for (const env of envs) {
    const current = await loadCurrentDeployment(ctx.db, env.id, subject);
    if (current?.subject.id === subject.id) runsIn.add(env.id);
  }
  const first = envs[0];
  const verdict = first ? checkPromotionOrder(envs, runsIn, first, subject.label) : null;
  return {
    projectId: subject.projectId,
    subjectLabel: subject.label,
    environments: envs.map((e) => ({ id: e.id, slug: e.slug, name: e.name, runsHere: runsIn.has(e.id) })),
    nextEnvironmentId: verdict?.next?.id ?? null,
  };
}
