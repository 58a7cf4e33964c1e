import "server-only";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/context";
import { modelAliases, models, modelVersions } from "@/lib/db/schema";
import { appendMetricHistory } from "@/lib/models/append-history";
import { createModel } from "@/lib/models/create-model";
import { registerModelVersion } from "@/lib/models/register-version";
import { removeAlias } from "@/lib/models/remove-alias";
import { MAX_HISTORY_POINTS } from "@/lib/models/schemas";
import { setAlias } from "@/lib/models/set-alias";
import {
  type MlflowClient,
  MlflowHttpError,
  type MlflowModelVersion,
  type MlflowRegisteredModel,
} from "./client";
import {
  aliasOf,
  clientKeyOf,
  historyOf,
  registrationOf,
  statusOf,
  type TandemVersionStatus,
  UPDATED_TAG,
} from "./map-version";

export type ModelImportResult = { created: number; updated: number; unchanged: number; aliasMoves: number };

type Target = { projectId: string; projectSlug: string; baseUrl: string };
type Known = { id: string; version: number; tags: Record<string, string>; status: string };

async function findOrCreateModel(
  ctx: ServiceContext,
  target: Target,
  rm: MlflowRegisteredModel,
): Promise<string> {
  const find = async () =>
    (
      await ctx.db
        .select({ id: models.id })
        .from(models)
        .where(and(eq(models.projectId, target.projectId), eq(models.name, rm.name)))
        .limit(1)
    )[0]?.id;
  const existing = await find();
  if (existing) return existing;
  const tags = Object.fromEntries(rm.tags.filter((t) => !t.key.includes(":")).map((t) => [t.key, t.value]));
  try {
    return (
      await createModel(ctx, {
        project: target.projectSlug,
        name: rm.name,
        description: rm.description?.slice(0, 5000) ?? "",
        tags,
      })
    ).id;
  } catch (error) {
    // A concurrent import (or a person) created it a moment ago.
    const raced = await find();
    if (raced) return raced;
    throw error;
  }
}

async function allVersions(client: MlflowClient, name: string): Promise<MlflowModelVersion[]> {
  const out: MlflowModelVersion[] = [];
  let pageToken: string | undefined;
  do {
    const page = await client.searchModelVersions({ name, pageToken });
    out.push(...page.model_versions);
    pageToken = page.next_page_token || undefined;
  } while (pageToken);
  // Oldest first, so a model fed only by MLflow gets Tandem numbers equal to MLflow's.
  return out.sort((a, b) => Number(a.version) - Number(b.version));
}

/** The source run and the full history of each of its metrics; null when the run is gone. */
async function runWithHistory(client: MlflowClient, runId: string | undefined) {
  if (!runId) return { run: null, history: [] };
  let run: Awaited<ReturnType<MlflowClient["getRun"]>>;
  try {
    run = await client.getRun(runId);
  } catch (error) {
    if (error instanceof MlflowHttpError && error.statusCode === 404) return { run: null, history: [] };
    throw error;
  }
  const history = [];
  for (const key of new Set(run.data.metrics.map((m) => m.key))) {
    let pageToken: string | undefined;
    do {
      const page = await client.getMetricHistory({ runId, metricKey: key, pageToken });
      history.push(...historyOf(key, page.metrics));
      pageToken = page.next_page_token || undefined;
    } while (pageToken);
  }
  return { run, history };
}

async function knownVersions(
  ctx: ServiceContext,
  modelId: string,
  name: string,
): Promise<Map<string, Known>> {
  const rows = await ctx.db
    .select({
      id: modelVersions.id,
      version: modelVersions.version,
      tags: modelVersions.tags,
      status: modelVersions.status,
      clientKey: modelVersions.clientKey,
    })
    .from(modelVersions)
    .where(eq(modelVersions.modelId, modelId));
  // Filtered here rather than with LIKE, where "_" and "%" in a model name would be wildcards.
  const prefix = clientKeyOf(name, "");
  return new Map(rows.flatMap((r) => (r.clientKey?.startsWith(prefix) ? [[r.clientKey, r] as const] : [])));
}

/** Applies an MLflow change to an imported version: status, params, tags and final metrics; history is upserted. */
async function refreshVersion(
  ctx: ServiceContext,
  target: Target,
  known: Known,
  body: ReturnType<typeof registrationOf>,
  status: TandemVersionStatus,
) {
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(modelVersions)
      .set({
        status,
        params: (body.params ?? {}) as Record<string, string>,
        tags: body.tags,
        metrics: body.metrics ?? {},
      })
      .where(eq(modelVersions.id, known.id));
    await recordAudit(tx, ctx.actor, {
      action: "model_version.import_update",
      targetType: "model_version",
      targetId: known.id,
      projectId: target.projectId,
      data: { clientKey: body.clientKey, status, updatedAt: body.tags[UPDATED_TAG] },
    });
  });
}

async function appendRest(ctx: ServiceContext, versionId: string, history: ReturnType<typeof historyOf>) {
  for (let start = 0; start < history.length; start += MAX_HISTORY_POINTS) {
    await appendMetricHistory(ctx, {
      versionId,
      body: { points: history.slice(start, start + MAX_HISTORY_POINTS) },
    });
  }
}

/**
 * Imports one registered model: the Tandem model (created on first sight), each version not
 * yet imported or whose `last_updated_timestamp` moved (with its run's params, metrics and
 * metric history), then the aliases, so they match MLflow's. Versions are registered through
 * the registry's idempotent verb (client key `mlflow:<model>:<version>`); aliases through
 * set/remove-alias, which record alias events.
 */
export async function importModel(
  ctx: ServiceContext,
  client: MlflowClient,
  target: Target,
  rm: MlflowRegisteredModel,
): Promise<ModelImportResult> {
  const result: ModelImportResult = { created: 0, updated: 0, unchanged: 0, aliasMoves: 0 };
  const modelId = await findOrCreateModel(ctx, target, rm);
  const known = await knownVersions(ctx, modelId, rm.name);
  for (const version of await allVersions(client, rm.name)) {
    const key = clientKeyOf(rm.name, version.version);
    const existing = known.get(key);
    const updatedAt = String(version.last_updated_timestamp ?? version.creation_timestamp);
    if (existing && existing.tags[UPDATED_TAG] === updatedAt) {
      result.unchanged += 1;
      continue;
    }
    const { run, history } = await runWithHistory(client, version.run_id);
    const body = registrationOf(target.baseUrl, version, run, history.slice(0, MAX_HISTORY_POINTS));
    const status = statusOf(version);
    if (existing) {
      await refreshVersion(ctx, target, existing, body, status);
      await appendRest(ctx, existing.id, history);
      result.updated += 1;
      continue;
    }
    const registered = await registerModelVersion(ctx, { modelId, body });
    const detail = registered.version;
    if (status !== "registered") {
      await ctx.db.update(modelVersions).set({ status }).where(eq(modelVersions.id, detail.id));
    }
    await appendRest(ctx, detail.id, history.slice(MAX_HISTORY_POINTS));
    known.set(key, { id: detail.id, version: detail.version, tags: body.tags, status });
    result.created += 1;
  }
  result.aliasMoves = await syncAliases(ctx, modelId, rm, known);
  return result;
}

/** Points each MLflow alias at the imported version; drops aliases MLflow no longer has from imported versions. */
async function syncAliases(
  ctx: ServiceContext,
  modelId: string,
  rm: MlflowRegisteredModel,
  known: Map<string, Known>,
): Promise<number> {
  let moves = 0;
  const wanted = new Map<string, number>();
  for (const { alias, version } of rm.aliases) {
    const name = aliasOf(alias);
    const target = known.get(clientKeyOf(rm.name, version));
    if (name && target) wanted.set(name, target.version);
  }
  for (const [alias, version] of wanted) {
    if ((await setAlias(ctx, { modelId, alias, body: { version } })).changed) moves += 1;
  }
  const held = await ctx.db
    .select({ alias: modelAliases.alias, clientKey: modelVersions.clientKey })
    .from(modelAliases)
    .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
    .where(eq(modelAliases.modelId, modelId));
  for (const { alias, clientKey } of held) {
    // Only aliases MLflow set are MLflow's to remove; one a person put on a Tandem-only version stays.
    if (wanted.has(alias) || !clientKey?.startsWith(clientKeyOf(rm.name, ""))) continue;
    if ((await removeAlias(ctx, { modelId, alias })).changed) moves += 1;
  }
  return moves;
}
