import "server-only";
import { and, eq, gte, max, sql } from "drizzle-orm";
import { parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { webhookDeliveries } from "@/lib/db/schema";
import type { deliveryOutcomeEnum } from "@/lib/db/schema/enums";
import { loadConnectionRow } from "./load-connection";
import { type ConnectionIdInput, connectionIdInput } from "./schemas";

type Outcome = (typeof deliveryOutcomeEnum.enumValues)[number];

export type ConnectionHealth = {
  lastDeliveryAt: Date | null;
  lastSyncAt: Date | null;
  lastError: string | null;
  /** Deliveries received in the 24 hours before now, by outcome, and their total. */
  last24h: Record<Outcome, number> & { total: number };
};

const DAY_MS = 24 * 60 * 60 * 1000;

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a > b ? a : b;
}

/**
 * How a connection is doing: its last delivery and sync, its last error, and the last
 * 24 hours of deliveries by outcome. Needs connections:read. The last delivery is the later
 * of the column and the newest stored delivery, so it is right even before a job updates it.
 */
export async function getConnectionHealth(
  ctx: ServiceContext,
  rawInput: ConnectionIdInput,
): Promise<ConnectionHealth> {
  assertCan(ctx.actor, "connections:read");
  const input = parseInput(connectionIdInput, rawInput);
  const row = await loadConnectionRow(ctx.db, input.id);
  const since = new Date(nowOf(ctx).getTime() - DAY_MS);
  const [counts, [newest]] = await Promise.all([
    ctx.db
      .select({ outcome: webhookDeliveries.outcome, n: sql<number>`count(*)::int` })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.connectionId, row.id), gte(webhookDeliveries.receivedAt, since)))
      .groupBy(webhookDeliveries.outcome),
    ctx.db
      .select({ at: max(webhookDeliveries.receivedAt) })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.connectionId, row.id)),
  ]);
  const last24h = { pending: 0, processed: 0, ignored: 0, failed: 0, total: 0 };
  for (const { outcome, n } of counts) {
    last24h[outcome] = Number(n);
    last24h.total += Number(n);
  }
  return {
    lastDeliveryAt: latest(row.lastDeliveryAt, newest?.at ? new Date(newest.at) : null),
    lastSyncAt: row.lastSyncAt,
    lastError: row.lastError,
    last24h,
  };
}
