import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Database, Executor } from "@/lib/db/client";
import { connections, webhookDeliveries } from "@/lib/db/schema";
import { logger } from "@/lib/log";
import type { EnqueueNormalize } from "./enqueue";

export type Disposition = "accepted" | "ignored" | "ping";

export type DeliveryToStore = {
  connectionId: string;
  deliveryId: string;
  event: string;
  headers: Record<string, string>;
  body: string;
  disposition: Disposition;
};

const OUTCOME = { accepted: "pending", ignored: "ignored", ping: "processed" } as const;

/**
 * Stores a verified delivery once per (connection, delivery id) and, for accepted events,
 * enqueues its normalization in the same transaction, so an acknowledged delivery always
 * has its job (or, with no job queue running, is left pending for the sweeper). Returns the
 * row id, or null when the delivery id was already stored (a provider retry).
 */
export async function storeDelivery(
  db: Database,
  input: DeliveryToStore,
  enqueue: EnqueueNormalize | null,
): Promise<number | null> {
  const outcome = OUTCOME[input.disposition];
  const insert = (executor: Executor) =>
    executor
      .insert(webhookDeliveries)
      .values({
        connectionId: input.connectionId,
        deliveryId: input.deliveryId,
        event: input.event,
        headers: input.headers,
        body: input.body,
        outcome,
        error: input.disposition === "ignored" ? `Tandem does not use ${input.event} events.` : null,
        processedAt: outcome === "pending" ? null : sql`now()`,
      })
      .onConflictDoNothing({ target: [webhookDeliveries.connectionId, webhookDeliveries.deliveryId] })
      .returning({ id: webhookDeliveries.id });
  // One statement is atomic on its own: the transaction (two more round trips) is only
  // needed when the normalize job goes in with the row.
  const id =
    outcome === "pending" && enqueue
      ? await db.transaction(async (tx) => {
          const [row] = await insert(tx);
          if (row) await enqueue(tx, row.id);
          return row?.id ?? null;
        })
      : ((await insert(db))[0]?.id ?? null);
  await touchLastDelivery(db, input.connectionId);
  return id;
}

// When this process last recorded a delivery per connection; skips the UPDATE round trip
// for the rest of that second (the SQL guard below still covers other processes).
const lastTouched = new Map<string, number>();

/**
 * Records that the connection heard from its provider. Outside the delivery's transaction and
 * at most once a second, so a burst of deliveries does not queue up on the connection's row lock.
 */
async function touchLastDelivery(db: Database, connectionId: string): Promise<void> {
  const now = Date.now();
  if (now - (lastTouched.get(connectionId) ?? 0) < 1_000) return;
  if (lastTouched.size > 10_000) lastTouched.clear();
  lastTouched.set(connectionId, now);
  try {
    await db
      .update(connections)
      .set({ lastDeliveryAt: sql`now()` })
      .where(
        and(
          eq(connections.id, connectionId),
          or(
            isNull(connections.lastDeliveryAt),
            lt(connections.lastDeliveryAt, sql`now() - interval '1 second'`),
          ),
        ),
      );
  } catch (error) {
    // Health display only: the delivery itself is already stored.
    logger.warn({ err: error, connectionId }, "could not record last delivery time");
  }
}
