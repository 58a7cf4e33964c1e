import "server-only";
import { loadConnectionRow } from "@/lib/connections/load-connection";
import type { ServiceContext } from "@/lib/context";
import { listSyncStates, type SyncState } from "./sync-state";

export type SyncStateView = Pick<
  SyncState,
  "scope" | "status" | "itemsDone" | "itemsTotal" | "startedAt" | "finishedAt" | "lastSuccessAt" | "error"
>;

export type SyncStatus = {
  states: SyncStateView[];
  /** True while any scope is running: the page refreshes fast until it is false. */
  running: boolean;
  lastSyncAt: Date | null;
  /** The provider's headroom as of the latest call, when it reports one. */
  rateLimit: { limit: number; remaining: number; resetAt: Date | null } | null;
};

/**
 * A connection's sync progress per scope (items done / total, last success, error) and its
 * rate-limit headroom. Needs connections:read. Cursors stay server-side: they can hold
 * provider URLs and ETags that mean nothing to a reader.
 */
export async function getSyncStatus(ctx: ServiceContext, connectionId: string): Promise<SyncStatus> {
  const rows = await listSyncStates(ctx, connectionId);
  const connection = await loadConnectionRow(ctx.db, connectionId);
  const states = rows.map(
    ({ scope, status, itemsDone, itemsTotal, startedAt, finishedAt, lastSuccessAt, error }) => ({
      scope,
      status,
      itemsDone,
      itemsTotal,
      startedAt,
      finishedAt,
      lastSuccessAt,
      error,
    }),
  );
  return {
    states,
    running: states.some((s) => s.status === "running"),
    lastSyncAt: connection.lastSyncAt,
    rateLimit:
      connection.rateLimitLimit !== null && connection.rateLimitRemaining !== null
        ? {
            limit: connection.rateLimitLimit,
            remaining: connection.rateLimitRemaining,
            resetAt: connection.rateLimitResetAt,
          }
        : null,
  };
}
