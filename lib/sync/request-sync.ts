import "server-only";
import { AppError, parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import { isManagedConnectionKind } from "@/lib/connections/kinds";
import { loadConnectionRow } from "@/lib/connections/load-connection";
import { type ConnectionIdInput, connectionIdInput } from "@/lib/connections/schemas";
import type { ServiceContext } from "@/lib/context";
import { requestSyncAfterCommit } from "./enqueue-sync";
import { getSyncStatus, type SyncStatus } from "./get-sync-status";

export type RequestedSync = SyncStatus & {
  /** False when no job queue could take it; the scheduled poll will sync instead. */
  queued: boolean;
};

/**
 * "Sync now": queues a sync of the connection (at most one waits per connection) and
 * returns the current progress. Needs connections:write. 400 for a disabled connection or
 * one Tandem does not sync.
 */
export async function requestSync(ctx: ServiceContext, rawInput: ConnectionIdInput): Promise<RequestedSync> {
  assertCan(ctx.actor, "connections:write");
  const input = parseInput(connectionIdInput, rawInput);
  const kind = await ctx.db.transaction(async (tx) => {
    const row = await loadConnectionRow(tx, input.id);
    if (!isManagedConnectionKind(row.kind)) {
      throw new AppError("invalid_request", `${row.kind} connections are not synced here.`);
    }
    if (!row.enabled)
      throw new AppError("invalid_request", "This connection is disabled; enable it to sync.");
    await recordAudit(tx, ctx.actor, {
      action: "connection.sync",
      targetType: "connection",
      targetId: row.id,
      data: { name: row.name },
    });
    return row.kind;
  });
  const queued = await requestSyncAfterCommit(input.id, "manual", kind);
  return { ...(await getSyncStatus(ctx, input.id)), queued };
}
