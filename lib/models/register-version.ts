import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { AppError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import type { Executor } from "@/lib/db/client";
import { models, modelVersions } from "@/lib/db/schema";
import { findRunByRef } from "@/lib/runs/find-run-by-ref";
import { loadVisibleModel, parseBody, stringValues } from "./access";
import { writeHistory } from "./history";
import { loadVersionDetail, type ModelVersionDetail } from "./load-version-detail";
import { type RegisterVersionInput, registerVersionBody } from "./schemas";

export type RegisterVersionResult = {
  version: ModelVersionDetail;
  /** False when the client key was already used on this model: nothing was written. */
  created: boolean;
};

async function findByClientKey(db: Executor, modelId: string, clientKey: string): Promise<string | null> {
  const [row] = await db
    .select({ id: modelVersions.id })
    .from(modelVersions)
    .where(and(eq(modelVersions.modelId, modelId), eq(modelVersions.clientKey, clientKey)))
    .limit(1);
  return row?.id ?? null;
}

async function detailOf(db: Executor, versionId: string): Promise<ModelVersionDetail> {
  const detail = await loadVersionDetail(db, versionId);
  if (!detail) throw new AppError("internal", "The model version was not stored.");
  return detail;
}

/**
 * Registers a version of a model with its params, tags, final metrics and metric history
 * in one transaction, numbered max+1 under a lock on the model row (no gaps or twins under
 * concurrency). Idempotent on `clientKey`: a repeat answers the version first created, even
 * when the body differs, and writes nothing. The source run is found by provider and
 * external id in the model's project (400 when it is not). Audited `model_version.register`.
 */
export async function registerModelVersion(
  ctx: ServiceContext,
  input: { modelId: string; body: RegisterVersionInput },
): Promise<RegisterVersionResult> {
  assertCan(ctx.actor, "models:write");
  const body = parseBody(registerVersionBody, input.body);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    // Replays are the common retry; answer them without queueing behind the model lock.
    const visible = await loadVisibleModel(tx, ctx.actor, input.modelId);
    const replayed = await findByClientKey(tx, visible.id, body.clientKey);
    if (replayed) return { version: await detailOf(tx, replayed), created: false };

    const model = await loadVisibleModel(tx, ctx.actor, input.modelId, { lock: true });
    // Read after the lock: a concurrent registration with this key has committed by now.
    const existing = await findByClientKey(tx, model.id, body.clientKey);
    if (existing) return { version: await detailOf(tx, existing), created: false };

    // The training run, by provider and external id, among the model's project's pipelines.
    const sourceRun = body.sourceRun
      ? await findRunByRef(tx, model.projectId, body.sourceRun, {
          field: "sourceRun",
          projectNoun: "this model's project",
        })
      : null;
    const [next] = await tx
      .select({ version: sql<number>`coalesce(max(${modelVersions.version}), 0) + 1`.mapWith(Number) })
      .from(modelVersions)
      .where(eq(modelVersions.modelId, model.id));
    const [row] = await tx
      .insert(modelVersions)
      .values({
        modelId: model.id,
        version: next!.version,
        artifactUri: body.artifactUri ?? null,
        framework: body.framework ?? null,
        params: stringValues(body.params),
        tags: stringValues(body.tags),
        metrics: body.metrics ?? {},
        datasets: body.datasets ?? [],
        commitSha: body.commitSha ?? sourceRun?.commitSha ?? null,
        sourceRunId: sourceRun?.id ?? null,
        createdBy: body.createdBy ?? ctx.actor.email,
        clientKey: body.clientKey,
        createdAt: now,
      })
      .returning({ id: modelVersions.id, version: modelVersions.version });
    if (!row) throw new AppError("internal", "The model version was not stored.");
    const points = await writeHistory(tx, row.id, body.history ?? [], now, "insert");
    await tx.update(models).set({ updatedAt: now }).where(eq(models.id, model.id));
    await recordAudit(tx, ctx.actor, {
      action: "model_version.register",
      targetType: "model_version",
      targetId: row.id,
      projectId: model.projectId,
      data: {
        model: model.name,
        version: row.version,
        clientKey: body.clientKey,
        metrics: Object.keys(body.metrics ?? {}).length,
        historyPoints: points,
        sourceRunId: sourceRun?.id ?? null,
      },
    });
    return { version: await detailOf(tx, row.id), created: true };
  });
}
