import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import { AppError, parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { notificationDeliveries, notificationEndpoints } from "@/lib/db/schema";
import { type ListNotificationDeliveriesInput, listNotificationDeliveriesInput } from "./schemas";

export type NotificationDeliveryItem = {
  id: number;
  event: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  responseStatus: number | null;
  error: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
};

/**
 * An endpoint's delivery log, newest first; `nextCursor` is the last id of the page (ids
 * grow with time). Payloads are not listed: they can be large. Needs connections:read.
 */
export async function listNotificationDeliveries(
  ctx: ServiceContext,
  rawInput: ListNotificationDeliveriesInput,
): Promise<{ items: NotificationDeliveryItem[]; nextCursor: string | null }> {
  assertCan(ctx.actor, "connections:read");
  const input = parseInput(listNotificationDeliveriesInput, rawInput);
  const [endpoint] = await ctx.db
    .select({ id: notificationEndpoints.id })
    .from(notificationEndpoints)
    .where(eq(notificationEndpoints.id, input.id));
  if (!endpoint) throw new AppError("not_found", "Notification endpoint not found.");
  const rows = await ctx.db
    .select({
      id: notificationDeliveries.id,
      event: notificationDeliveries.event,
      status: notificationDeliveries.status,
      attempts: notificationDeliveries.attempts,
      responseStatus: notificationDeliveries.responseStatus,
      error: notificationDeliveries.error,
      createdAt: notificationDeliveries.createdAt,
      deliveredAt: notificationDeliveries.deliveredAt,
    })
    .from(notificationDeliveries)
    .where(
      and(
        eq(notificationDeliveries.endpointId, input.id),
        input.cursor ? lt(notificationDeliveries.id, Number(input.cursor)) : undefined,
      ),
    )
    .orderBy(desc(notificationDeliveries.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? String(items.at(-1)!.id) : null };
}
