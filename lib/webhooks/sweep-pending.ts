import "server-only";
import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { connections, webhookDeliveries } from "@/lib/db/schema";

/** A delivery still pending this long after it arrived has lost its job (or never had one). */
export const SWEEP_AFTER_MS = 60_000;
/** Older pending deliveries are left to a replay from the delivery log. */
export const SWEEP_WINDOW_MS = 24 * 3600_000;
const BATCH = 500;

/**
 * Re-sends the normalize job of deliveries still pending a minute after they arrived: stored
 * while no job queue ran, or whose job was lost. Sending twice is harmless (the queue keeps
 * one job per delivery and normalization skips what is done). Returns how many were sent.
 */
export async function sweepPendingDeliveries(
  db: Executor,
  send: (deliveryId: number) => Promise<void>,
  now: Date = new Date(),
): Promise<number> {
  const ci = await db
    .select({ id: connections.id })
    .from(connections)
    .where(inArray(connections.kind, ["github", "gitlab", "azure_devops"]));
  if (ci.length === 0) return 0;
  // connection_id first, so the (connection_id, received_at) index bounds the scan.
  const pending = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        inArray(
          webhookDeliveries.connectionId,
          ci.map((c) => c.id),
        ),
        gte(webhookDeliveries.receivedAt, new Date(now.getTime() - SWEEP_WINDOW_MS)),
        lt(webhookDeliveries.receivedAt, new Date(now.getTime() - SWEEP_AFTER_MS)),
        eq(webhookDeliveries.outcome, "pending"),
      ),
    )
    .orderBy(asc(webhookDeliveries.id))
    .limit(BATCH);
  for (const row of pending) await send(row.id);
  return pending.length;
}
