import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { connections, webhookDeliveries } from "@/lib/db/schema";
import { logger } from "@/lib/log";

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

const param = (name: keyof DeliveryToStore | "outcome" | "error") => sql.placeholder(name);
const prepareInsert = (db: Database) =>
  db
    .insert(webhookDeliveries)
    .values({
      connectionId: param("connectionId"),
      deliveryId: param("deliveryId"),
      event: param("event"),
      headers: param("headers"),
      body: param("body"),
      outcome: param("outcome"),
      error: param("error"),
      processedAt: sql`case when ${param("outcome")}::text = 'pending' then null else now() end`,
    })
    .onConflictDoNothing({ target: [webhookDeliveries.connectionId, webhookDeliveries.deliveryId] })
    .returning({ id: webhookDeliveries.id })
    // Unnamed, like every other query: a named server-side statement breaks behind a pooler
    // in transaction mode. Only the building of the SQL is saved.
    .prepare("");
// Built once per database: the insert is the whole acknowledgement path, and building it with
// drizzle took a measurable share of each delivery's CPU time.
const prepared = new WeakMap<Database, ReturnType<typeof prepareInsert>>();

/**
 * Stores a verified delivery once per (connection, delivery id) in one INSERT ... ON CONFLICT
 * DO NOTHING, a single round trip that commits on its own, so the caller may acknowledge as
 * soon as it returns. Only then, for a new accepted delivery, `wake` asks for the connection's
 * drain (lib/webhooks/wake-drain.ts) without waiting for it: a lost wake-up leaves the
 * delivery pending, and the sweeper wakes the drain within seconds. Returns the row id, or
 * null when the delivery id was already stored (a provider retry, which wakes nothing).
 */
export async function storeDelivery(
  db: Database,
  input: DeliveryToStore,
  wake: ((connectionId: string) => void) | null,
): Promise<number | null> {
  const outcome = OUTCOME[input.disposition];
  let insert = prepared.get(db);
  if (!insert) {
    insert = prepareInsert(db);
    prepared.set(db, insert);
  }
  const [row] = await insert.execute({
    connectionId: input.connectionId,
    deliveryId: input.deliveryId,
    event: input.event,
    // Bound as the jsonb column's text, as drizzle encodes jsonb values itself.
    headers: JSON.stringify(input.headers),
    body: input.body,
    outcome,
    error: input.disposition === "ignored" ? `Tandem does not use ${input.event} events.` : null,
  });
  if (row && outcome === "pending") wake?.(input.connectionId);
  await touchLastDelivery(db, input.connectionId);
  return row?.id ?? null;
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
