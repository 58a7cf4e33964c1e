import "server-only";
import { and, eq, gte, inArray, lt } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { connections, webhookDeliveries } from "@/lib/db/schema";

/**
 * A delivery still pending this long after it arrived may have lost its wake-up (the process
 * died inside DRAIN_WAKE_DELAY_MS, or the send failed) or been stored while no job queue ran.
 * Waking a drain that is already queued or running costs one absorbed insert, so this is short.
 */
export const SWEEP_AFTER_MS = 5_000;
/** How often worker processes sweep (the minute cron is the backstop across processes). */
export const SWEEP_INTERVAL_MS = 5_000;
/** Older pending deliveries are left to a replay from the delivery log. */
export const SWEEP_WINDOW_MS = 24 * 3600_000;

/**
 * Wakes the drain of every CI connection with a delivery pending for longer than
 * SWEEP_AFTER_MS (within SWEEP_WINDOW_MS). Waking twice is harmless: the drain queue keeps
 * one job queued per connection and normalization skips what is done. Returns how many
 * connections were woken.
 */
export async function sweepPendingDeliveries(
  db: Executor,
  wake: (connectionId: string) => Promise<unknown>,
  now: Date = new Date(),
): Promise<number> {
  // The partial index on pending deliveries bounds the scan to those still waiting.
  const rows = await db
    .selectDistinct({ connectionId: webhookDeliveries.connectionId })
    .from(webhookDeliveries)
    .innerJoin(connections, eq(connections.id, webhookDeliveries.connectionId))
    .where(
      and(
        eq(webhookDeliveries.outcome, "pending"),
        gte(webhookDeliveries.receivedAt, new Date(now.getTime() - SWEEP_WINDOW_MS)),
        lt(webhookDeliveries.receivedAt, new Date(now.getTime() - SWEEP_AFTER_MS)),
        inArray(connections.kind, ["github", "gitlab", "azure_devops"]),
      ),
    );
  for (const row of rows) await wake(row.connectionId);
  return rows.length;
}
