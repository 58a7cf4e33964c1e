import "server-only";
import { and, asc, eq, gte, lt } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { notificationDeliveries } from "@/lib/db/schema";

/** A delivery still pending this long after it was written has lost its job (or never had one). */
export const SWEEP_AFTER_MS = 60_000;
/** Older pending deliveries are stale news; they are left as they are. */
export const SWEEP_WINDOW_MS = 24 * 3600_000;
const BATCH = 500;

/**
 * Re-queues deliveries still pending a minute after they were written: written while no
 * job queue ran, or whose job was lost. A delivery waiting for its retry keeps its queued
 * job (one per delivery), so re-sending does not skip the back-off. Returns how many.
 */
export async function sweepPendingNotifications(
  db: Executor,
  send: (deliveryId: number) => Promise<void>,
  now: Date = new Date(),
): Promise<number> {
  const pending = await db
    .select({ id: notificationDeliveries.id })
    .from(notificationDeliveries)
    .where(
      and(
        eq(notificationDeliveries.status, "pending"),
        gte(notificationDeliveries.createdAt, new Date(now.getTime() - SWEEP_WINDOW_MS)),
        lt(notificationDeliveries.createdAt, new Date(now.getTime() - SWEEP_AFTER_MS)),
      ),
    )
    .orderBy(asc(notificationDeliveries.id))
    .limit(BATCH);
  for (const row of pending) await send(row.id);
  return pending.length;
}
