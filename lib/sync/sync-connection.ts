import "server-only";
import { and, eq } from "drizzle-orm";
import { isCiConnectionKind, kindLabel } from "@/lib/connections/kinds";
import { loadConnectionRow } from "@/lib/connections/load-connection";
import { parseConnectionConfig } from "@/lib/connections/load-connection-for-webhook";
import { explainProviderError, providerStatus } from "@/lib/connections/probes/explain-error";
import { open } from "@/lib/crypto/secret-box";
import type { Database } from "@/lib/db/client";
import { syncStates } from "@/lib/db/schema";
import { logger } from "@/lib/log";
import { BACKFILL_DAYS } from "./constants";
import { PAGERS } from "./pagers";
import { type Headers, rateLimitFromHeaders } from "./rate-limit";
import { runScope, type ScopeResult } from "./run-scope";
import { failSync, recordRateLimit } from "./sync-state";
import { type RetryOptions, SyncGaveUpError } from "./with-retry";

export type SyncConnectionResult = {
  scopes: (ScopeResult | { scope: string; error: string })[];
  skipped?: string;
};

export type SyncConnectionOptions = RetryOptions & { now?: Date; timeoutMs?: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One sync pass of a CI connection: for each configured repository and each of its scopes
 * (runs, deployments...), resume from the stored cursor and page to the end. A scope that
 * fails is recorded (error, cursor kept) and the others still run. Rate-limit headroom from
 * the latest answer is written to the connection after every page.
 */
export async function syncConnection(
  db: Database,
  connectionId: string,
  options: SyncConnectionOptions = {},
): Promise<SyncConnectionResult> {
  const row = await loadConnectionRow(db, connectionId);
  if (!row.enabled) return { scopes: [], skipped: "connection is disabled" };
  if (!isCiConnectionKind(row.kind))
    return { scopes: [], skipped: `${row.kind} connections are not synced here` };
  if (!row.credentialsEncrypted) return { scopes: [], skipped: "connection has no token" };
  const kind = row.kind;
  const config = parseConnectionConfig(row.id, row.config);
  const token = open(row.credentialsEncrypted);
  const now = options.now ?? new Date();
  let latest: Headers = {};
  const saveHeadroom = async () => {
    const limit = rateLimitFromHeaders(latest);
    if (limit) await recordRateLimit(db, row.id, limit);
  };
  const connection = { id: row.id, kind, config };
  const scopes: SyncConnectionResult["scopes"] = [];
  for (const repository of config.repositories) {
    for (const makePager of PAGERS[kind]) {
      const pager = makePager({
        baseUrl: row.baseUrl,
        token,
        repository: repository.name,
        backfillSince: new Date(now.getTime() - BACKFILL_DAYS * DAY_MS),
        now,
        timeoutMs: options.timeoutMs,
        onHeaders: (headers) => {
          latest = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
        },
      });
      try {
        scopes.push(await runScope(db, connection, pager, options, saveHeadroom));
      } catch (error) {
        const message =
          !(error instanceof SyncGaveUpError) && providerStatus(error) !== null
            ? explainProviderError(error, kindLabel(kind), new URL(row.baseUrl).host)
            : error instanceof Error
              ? error.message
              : String(error);
        logger.warn({ connectionId: row.id, scope: pager.scope, err: error }, "sync scope failed");
        // Failing the state keeps its cursor: the next pass resumes from the last good page.
        const [state] = await db
          .select({ id: syncStates.id })
          .from(syncStates)
          .where(and(eq(syncStates.connectionId, row.id), eq(syncStates.scope, pager.scope)));
        if (state) await failSync(db, state.id, message);
        await saveHeadroom();
        scopes.push({ scope: pager.scope, error: message });
      }
    }
  }
  return { scopes };
}
