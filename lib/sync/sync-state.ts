import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import { loadConnectionRow } from "@/lib/connections/load-connection";
import { connectionIdInput } from "@/lib/connections/schemas";
import type { ServiceContext } from "@/lib/context";
import type { Executor } from "@/lib/db/client";
import { connections, syncStates } from "@/lib/db/schema";

export type SyncState = typeof syncStates.$inferSelect;
export type SyncCursor = Record<string, unknown>;

/** Errors are stored for the UI; a provider's body can be long, the first lines are enough. */
const MAX_ERROR_LENGTH = 2000;

/**
 * Marks the (connection, scope) sync as running and returns its row, cursor included, so the
 * caller resumes where the last pass stopped. A pass that finished cleanly starts its counts
 * from zero; one that crashed or failed keeps them, because it continues from its cursor.
 */
export async function beginSync(
  db: Executor,
  connectionId: string,
  scope: string,
  options: { itemsTotal?: number | null } = {},
): Promise<SyncState> {
  const now = new Date();
  const [row] = await db
    .insert(syncStates)
    .values({
      connectionId,
      scope,
      status: "running",
      startedAt: now,
      itemsDone: 0,
      itemsTotal: options.itemsTotal ?? null,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [syncStates.connectionId, syncStates.scope],
      set: {
        status: "running",
        startedAt: now,
        finishedAt: null,
        updatedAt: now,
        itemsDone: sql`case when ${syncStates.status} = 'idle' then 0 else ${syncStates.itemsDone} end`,
        itemsTotal:
          options.itemsTotal === undefined
            ? sql`case when ${syncStates.status} = 'idle' then null else ${syncStates.itemsTotal} end`
            : options.itemsTotal,
      },
    })
    .returning();
  if (!row) throw new Error("beginSync: upsert returned no row");
  return row;
}

/** Persists progress and the cursor after each page, so a crash resumes from here. */
export async function recordProgress(
  db: Executor,
  id: string,
  progress: { itemsDone: number; itemsTotal?: number | null; cursor: SyncCursor },
): Promise<void> {
  await db
    .update(syncStates)
    .set({
      itemsDone: progress.itemsDone,
      ...(progress.itemsTotal !== undefined ? { itemsTotal: progress.itemsTotal } : {}),
      cursor: progress.cursor,
      updatedAt: new Date(),
    })
    .where(eq(syncStates.id, id));
}

/** Ends a pass cleanly: idle, the cursor for the next incremental pass, error cleared. */
export async function finishSync(db: Executor, id: string, result: { cursor: SyncCursor }): Promise<void> {
  const now = new Date();
  const [row] = await db
    .update(syncStates)
    .set({
      status: "idle",
      cursor: result.cursor,
      finishedAt: now,
      lastSuccessAt: now,
      error: null,
      updatedAt: now,
    })
    .where(eq(syncStates.id, id))
    .returning({ connectionId: syncStates.connectionId });
  if (row) {
    await db.update(connections).set({ lastSyncAt: now }).where(eq(connections.id, row.connectionId));
  }
}

/** Ends a pass with an error; the cursor stays where it was so the next pass resumes from it. */
export async function failSync(db: Executor, id: string, error: string): Promise<void> {
  const now = new Date();
  const message = error.slice(0, MAX_ERROR_LENGTH);
  const [row] = await db
    .update(syncStates)
    .set({ status: "failed", finishedAt: now, error: message, updatedAt: now })
    .where(eq(syncStates.id, id))
    .returning({ connectionId: syncStates.connectionId });
  if (row) {
    await db.update(connections).set({ lastError: message }).where(eq(connections.id, row.connectionId));
  }
}

/** A connection's sync states by scope. Needs connections:read; 404 for an unknown connection. */
export async function listSyncStates(ctx: ServiceContext, connectionId: string): Promise<SyncState[]> {
  assertCan(ctx.actor, "connections:read");
  const input = parseInput(connectionIdInput, { id: connectionId });
  const connection = await loadConnectionRow(ctx.db, input.id);
  return ctx.db
    .select()
    .from(syncStates)
    .where(eq(syncStates.connectionId, connection.id))
    .orderBy(asc(syncStates.scope));
}

/** The provider's rate-limit headroom as of the latest call, shown on the connection page. */
export async function recordRateLimit(
  db: Executor,
  connectionId: string,
  rateLimit: { limit: number; remaining: number; resetAt: Date | null },
): Promise<void> {
  await db
    .update(connections)
    .set({
      rateLimitLimit: rateLimit.limit,
      rateLimitRemaining: rateLimit.remaining,
      rateLimitResetAt: rateLimit.resetAt,
    })
    .where(eq(connections.id, connectionId));
}
