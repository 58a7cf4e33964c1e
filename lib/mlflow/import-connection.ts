import "server-only";
import { eq } from "drizzle-orm";
import { systemActor } from "@/lib/auth/actor";
import { mlflowConnectionConfigSchema } from "@/lib/connections/config-schema";
import { loadConnectionRow } from "@/lib/connections/load-connection";
import { pullAuthHeaders } from "@/lib/connections/pull-connection";
import type { Database } from "@/lib/db/client";
import { projects } from "@/lib/db/schema";
import { beginSync, failSync, finishSync, recordProgress } from "@/lib/sync/sync-state";
import { createMlflowClient, type MlflowClient } from "./client";
import { importModel, type ModelImportResult } from "./import-model";

/** The sync-state scope of an MLflow connection's import. */
export const MLFLOW_SYNC_SCOPE = "mlflow:registered-models";
const MODELS_PAGE = 100;

export type MlflowImportResult = ModelImportResult & {
  skipped: string | null;
  models: number;
  /** Set when the pass failed; the same message is on the sync state. */
  error: string | null;
};

/** Counts the models a pass will import (one cheap listing), for the progress bar. */
async function countModels(client: MlflowClient, wanted: Set<string> | null): Promise<number> {
  if (wanted) return wanted.size;
  let count = 0;
  let pageToken: string | undefined;
  do {
    const page = await client.searchRegisteredModels({ maxResults: 1000, pageToken });
    count += page.registered_models.length;
    pageToken = page.next_page_token || undefined;
  } while (pageToken);
  return count;
}

/**
 * One incremental import of an MLflow connection: pages through registered models and
 * imports each (see importModel), recording progress and the next page token after every
 * page. A pass that fails (MLflow 5xx, an unexpected answer) records the error on the sync
 * state and keeps the cursor, so the next pass resumes at the page that failed instead of
 * starting over; versions already imported are skipped either way.
 */
export async function importMlflowConnection(
  db: Database,
  connectionId: string,
  options: { pageSize?: number; timeoutMs?: number } = {},
): Promise<MlflowImportResult> {
  const result: MlflowImportResult = {
    skipped: null,
    models: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    aliasMoves: 0,
    error: null,
  };
  const row = await loadConnectionRow(db, connectionId);
  if (row.kind !== "mlflow") return { ...result, skipped: `not an mlflow connection (${row.kind})` };
  if (!row.enabled) return { ...result, skipped: "disabled" };
  const state = await beginSync(db, connectionId, MLFLOW_SYNC_SCOPE);
  try {
    const config = mlflowConnectionConfigSchema.parse(row.config ?? {});
    const [project] = await db
      .select({ id: projects.id, slug: projects.slug })
      .from(projects)
      .where(eq(projects.id, config.projectId));
    if (!project) throw new Error("The connection's Tandem project no longer exists; choose another one.");
    const client = createMlflowClient({
      baseUrl: row.baseUrl,
      headers: pullAuthHeaders(row.credentialsEncrypted),
      timeoutMs: options.timeoutMs,
    });
    const wanted = config.models.length > 0 ? new Set(config.models) : null;
    const resumeToken = typeof state.cursor.pageToken === "string" ? state.cursor.pageToken : undefined;
    let itemsDone = resumeToken ? state.itemsDone : 0;
    const itemsTotal =
      resumeToken && state.itemsTotal !== null ? state.itemsTotal : await countModels(client, wanted);
    await recordProgress(db, state.id, { itemsDone, itemsTotal, cursor: state.cursor });
    const ctx = { db, actor: systemActor("mlflow-import") };
    const target = { projectId: project.id, projectSlug: project.slug, baseUrl: row.baseUrl };
    let pageToken = resumeToken;
    do {
      const page = await client.searchRegisteredModels({
        maxResults: options.pageSize ?? MODELS_PAGE,
        pageToken,
      });
      for (const rm of page.registered_models) {
        if (wanted && !wanted.has(rm.name)) continue;
        const one = await importModel(ctx, client, target, rm);
        result.models += 1;
        result.created += one.created;
        result.updated += one.updated;
        result.unchanged += one.unchanged;
        result.aliasMoves += one.aliasMoves;
        itemsDone += 1;
      }
      pageToken = page.next_page_token || undefined;
      await recordProgress(db, state.id, { itemsDone, cursor: pageToken ? { pageToken } : {} });
    } while (pageToken);
    await finishSync(db, state.id, { cursor: { finishedAt: new Date().toISOString() } });
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await failSync(db, state.id, message);
    return { ...result, error: message };
  }
}
