import "server-only";
import { and, eq, or, sql } from "drizzle-orm";
import { fromDrizzle, type PgBoss } from "pg-boss";
import type { Executor } from "@/lib/db/client";
import { notificationDeliveries, notificationEndpoints } from "@/lib/db/schema";
import { senderBoss } from "@/lib/webhooks/enqueue";
import type { NotificationEvent } from "./events";
import { NOTIFICATION_QUEUES, notificationJobKey, type SendNotificationJobData } from "./queue-names";

/** Sends one delivery's job through `boss`, on `db` (inside a transaction, it starts after commit). */
export async function sendNotificationJob(
  boss: PgBoss,
  db: Executor | null,
  deliveryId: number,
): Promise<void> {
  const data: SendNotificationJobData = { deliveryId };
  await boss.send(NOTIFICATION_QUEUES.send.name, data, {
    singletonKey: notificationJobKey(deliveryId),
    ...(db ? { db: fromDrizzle(db, sql) } : {}),
  });
}

/**
 * Writes one pending delivery per enabled endpoint subscribed to `event` (an endpoint with
 * no events takes every one), in the caller's transaction: the notification commits or
 * rolls back with the change it reports, so nothing acknowledged is lost. The send jobs go
 * into the same transaction and so only run after commit; with no job queue running the
 * sweeper sends the rows later. Returns the delivery ids.
 */
export async function enqueueNotification(
  tx: Executor,
  event: NotificationEvent,
  data: Record<string, unknown>,
  occurredAt: Date = new Date(),
): Promise<number[]> {
  const endpoints = await tx
    .select({ id: notificationEndpoints.id })
    .from(notificationEndpoints)
    .where(
      and(
        eq(notificationEndpoints.enabled, true),
        or(
          sql`cardinality(${notificationEndpoints.events}) = 0`,
          sql`${event} = any(${notificationEndpoints.events})`,
        ),
      ),
    );
  if (endpoints.length === 0) return [];
  const rows = await tx
    .insert(notificationDeliveries)
    .values(endpoints.map((e) => ({ endpointId: e.id, event, payload: data, createdAt: occurredAt })))
    .returning({ id: notificationDeliveries.id });
  const boss = await senderBoss();
  if (boss) for (const row of rows) await sendNotificationJob(boss, tx, row.id);
  return rows.map((r) => r.id);
}
