import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { modelAliasEvents, modelAliases } from "@/lib/db/schema";
import { loadVisibleModel, parseBody } from "./access";
import { type AliasResult, currentHolder } from "./alias-events";
import { aliasNameSchema } from "./schemas";

/**
 * Removes an alias from a model, recording a `model_alias_events` row with no `to`.
 * Removing an alias that is not set writes nothing (`changed: false`), so retries are
 * safe. Serialized with moves by the same model-row lock. Audited as `alias.move` with
 * `toVersion: null`, which the activity feed reads as a removal.
 */
export async function removeAlias(
  ctx: ServiceContext,
  input: { modelId: string; alias: string },
): Promise<AliasResult> {
  assertCan(ctx.actor, "models:write");
  const { alias } = parseBody(z.object({ alias: aliasNameSchema }), { alias: input.alias });
  return ctx.db.transaction(async (tx) => {
    const model = await loadVisibleModel(tx, ctx.actor, input.modelId, { lock: true });
    const before = await currentHolder(tx, model.id, alias);
    const result = {
      alias,
      version: null,
      versionId: null,
      previousVersion: before?.version ?? null,
      previousVersionId: before?.versionId ?? null,
    };
    if (!before) return { ...result, changed: false };
    const now = nowOf(ctx);
    await tx
      .delete(modelAliases)
      .where(and(eq(modelAliases.modelId, model.id), eq(modelAliases.alias, alias)));
    await tx.insert(modelAliasEvents).values({
      modelId: model.id,
      alias,
      fromVersionId: before.versionId,
      toVersionId: null,
      actor: ctx.actor.email,
      createdAt: now,
    });
    await recordAudit(tx, ctx.actor, {
      action: "alias.move",
      targetType: "model",
      targetId: model.id,
      projectId: model.projectId,
      data: { model: model.name, alias, fromVersion: before.version, toVersion: null },
    });
    return { ...result, changed: true };
  });
}
