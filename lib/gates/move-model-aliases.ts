import "server-only";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { modelAliasEvents, modelAliases, models, modelVersions } from "@/lib/db/schema";

export type AliasMove = { alias: string; fromVersionId: string | null; toVersionId: string };

/** The aliases a deployment to this environment gives a model version: its slug, and `champion` in production. */
export function aliasesForEnvironment(environment: { slug: string; isProduction: boolean }): string[] {
  return environment.isProduction && environment.slug !== "champion"
    ? [environment.slug, "champion"]
    : [environment.slug];
}

/**
 * Points the model's aliases at a version, inside the caller's transaction, with one alias
 * event and one audit event per alias that actually moved. The model row is locked first,
 * as the registry's own alias moves do, so two moves of one model never interleave.
 * (The registry's verbs are not called here because they open their own checks and
 * transaction; this is the gate's narrow, same-transaction version.)
 */
export async function moveModelAliases(
  tx: Executor,
  actor: Actor,
  input: { modelVersionId: string; aliases: string[]; promotionRequestId: string },
): Promise<AliasMove[]> {
  const [version] = await tx
    .select({ id: modelVersions.id, modelId: modelVersions.modelId, version: modelVersions.version })
    .from(modelVersions)
    .where(eq(modelVersions.id, input.modelVersionId));
  if (!version) return [];
  const [model] = await tx.select().from(models).where(eq(models.id, version.modelId)).for("update");
  if (!model) return [];

  const moves: AliasMove[] = [];
  for (const alias of input.aliases) {
    const [held] = await tx
      .select({ versionId: modelAliases.versionId, version: modelVersions.version })
      .from(modelAliases)
      .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
      .where(and(eq(modelAliases.modelId, model.id), eq(modelAliases.alias, alias)));
    if (held?.versionId === version.id) continue;
    const now = new Date();
    await tx
      .insert(modelAliases)
      .values({ modelId: model.id, alias, versionId: version.id, updatedAt: now })
      .onConflictDoUpdate({
        target: [modelAliases.modelId, modelAliases.alias],
        set: { versionId: version.id, updatedAt: now },
      });
    await tx.insert(modelAliasEvents).values({
      modelId: model.id,
      alias,
      fromVersionId: held?.versionId ?? null,
      toVersionId: version.id,
      actor: actor.email,
    });
    await recordAudit(tx, actor, {
      action: "alias.move",
      targetType: "model",
      targetId: model.id,
      projectId: model.projectId,
      data: {
        model: model.name,
        alias,
        fromVersion: held?.version ?? null,
        toVersion: version.version,
        promotionRequestId: input.promotionRequestId,
      },
    });
    moves.push({ alias, fromVersionId: held?.versionId ?? null, toVersionId: version.id });
  }
  return moves;
}
