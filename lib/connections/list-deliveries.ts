import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { AppError, parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { decodeCursor, type Page, toPage } from "@/lib/db/keyset";
import { webhookDeliveries } from "@/lib/db/schema";
import { loadConnectionRow } from "./load-connection";
import { type ListDeliveriesInput, listDeliveriesInput } from "./schemas";

export type DeliveryListItem = {
  id: number;
  deliveryId: string;
  event: string;
  outcome: "pending" | "processed" | "ignored" | "failed";
  error: string | null;
  receivedAt: Date;
  processedAt: Date | null;
};

/**
 * A connection's webhook delivery log, newest first, one keyset page (receivedAt, id) at a
 * time. Needs connections:read. Raw bodies and headers are never returned: they can carry
 * data the provider sent in confidence.
 */
export async function listDeliveries(
  ctx: ServiceContext,
  rawInput: ListDeliveriesInput,
): Promise<Page<DeliveryListItem>> {
  assertCan(ctx.actor, "connections:read");
  const input = parseInput(listDeliveriesInput, rawInput);
  const cursor = decodeCursor(input.cursor);
  if (cursor && !/^\d{1,19}$/.test(cursor.id)) {
    throw new AppError("invalid_request", "The cursor is not valid; start again from the first page.");
  }
  const connection = await loadConnectionRow(ctx.db, input.id);
  const rows = await ctx.db
    .select({
      id: webhookDeliveries.id,
      deliveryId: webhookDeliveries.deliveryId,
      event: webhookDeliveries.event,
      outcome: webhookDeliveries.outcome,
      error: webhookDeliveries.error,
      receivedAt: webhookDeliveries.receivedAt,
      processedAt: webhookDeliveries.processedAt,
    })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.connectionId, connection.id),
        // Delivery ids are bigserial; the cursor carries them as text.
        cursor
          ? sql`(${webhookDeliveries.receivedAt}, ${webhookDeliveries.id}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::bigint)`
          : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.receivedAt), desc(webhookDeliveries.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (row) => ({ at: row.receivedAt, id: String(row.id) }));
}
