import "server-only";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { modelAliasEvents, modelAliases, modelVersions } from "@/lib/db/schema";
import { fieldError, loadVisibleModel, parseBody } from "./access";
import { type AliasResult, currentHolder } from "./alias-events";
import { aliasNameSchema, setAliasBody } from "./schemas";

/**
 * Points an alias (`champion`, `challenger`, …) of a model at one of its versions. The
 * model row is locked, so concurrent moves apply one after another: the (model, alias)
 * key keeps one holder, and each `model_alias_events` row's `from` is the previous move's
 * `to`. Pointing it where it already is writes nothing. Audited `alias.move`.
 */
export async function setAlias(
  ctx: ServiceContext,
  input: { modelId: string; alias: string; body: { version: number } },
): Promise<AliasResult> {
  assertCan(ctx.actor, "models:write");
  const { alias, version: number } = parseBody(setAliasBody.extend({ alias: aliasNameSchema }), {
    ...input.body,
    alias: input.alias,
  });
  return ctx.db.transaction(async (tx) => {
    const model = await loadVisibleModel(tx, ctx.actor, input.modelId, { lock: true });
    const [target] = await tx
      .select({ id: modelVersions.id, version: modelVersions.version })
      .from(modelVersions)
      .where(and(eq(modelVersions.modelId, model.id), eq(modelVersions.version, number)))
      .limit(1);
    if (!target) throw fieldError("version", `Model ${model.name} has no version ${number}.`);
    const before = await currentHolder(tx, model.id, alias);
    const unchanged = {
      alias,
      version: target.version,
      versionId: target.id,
      previousVersion: before?.version ?? null,
      previousVersionId: before?.versionId ?? null,
    };
    if (before?.versionId === target.id) return { ...unchanged, changed: false };
    const now = nowOf(ctx);
    await tx
      .insert(modelAliases)
      .values({ modelId: model.id, alias, versionId: target.id, updatedAt: now })
      .onConflictDoUpdate({
        target: [modelAliases.modelId, modelAliases.alias],
        set: { versionId: target.id, updatedAt: now },
      });
    await tx.insert(modelAliasEvents).values({
      modelId: model.id,
      alias,
      fromVersionId: before?.versionId ?? null,
      toVersionId: target.id,
      actor: ctx.actor.email,
      createdAt: now,
    });
    await recordAudit(tx, ctx.actor, {
      action: "alias.move",
      targetType: "model",
      targetId: model.id,
      projectId: model.projectId,
      data: { model: model.name, alias, fromVersion: before?.version ?? null, toVersion: target.version },
    });
    return { ...unchanged, changed: true };
  });
}
