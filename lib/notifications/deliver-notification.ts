import "server-only";
import { and, eq } from "drizzle-orm";
import { open } from "@/lib/crypto/secret-box";
import type { Executor } from "@/lib/db/client";
import { notificationDeliveries, notificationEndpoints } from "@/lib/db/schema";
import type { NotificationBody, NotificationEvent } from "./events";
import { MAX_DELIVERY_ATTEMPTS } from "./queue-names";
import { signBody } from "./sign";

/** A receiver gets this long to answer before the attempt counts as failed. */
export const DELIVERY_TIMEOUT_MS = 10_000;

export type DeliveryOutcome = "delivered" | "retry" | "failed" | "skipped";

type Attempt = { ok: boolean; status: number | null; error: string | null };

async function post(
  url: string,
  secret: string,
  deliveryId: number,
  body: NotificationBody,
): Promise<Attempt> {
  const raw = JSON.stringify(body);
  try {
    const response = await fetch(url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      headers: {
        "content-type": "application/json",
        "user-agent": "Tandem-Notifications/1",
        "x-tandem-event": body.event,
        "x-tandem-delivery": String(deliveryId),
        "x-tandem-signature-256": signBody(secret, raw),
      },
      body: raw,
    });
    await response.body?.cancel();
    const ok = response.status >= 200 && response.status < 300;
    return { ok, status: response.status, error: ok ? null : `The endpoint answered ${response.status}.` };
  } catch (error) {
    const message =
      error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    return { ok: false, status: null, error: message.slice(0, 500) };
  }
}

/**
 * Makes one attempt at a pending delivery: claims it by bumping `attempts` (a concurrent
 * duplicate job loses the claim and skips), POSTs the signed body outside any transaction,
 * then records the answer. "retry" means it stays pending for the job's back-off; after
 * MAX_DELIVERY_ATTEMPTS it is `failed`.
 */
export async function deliverNotification(db: Executor, deliveryId: number): Promise<DeliveryOutcome> {
  const [row] = await db
    .select({ delivery: notificationDeliveries, endpoint: notificationEndpoints })
    .from(notificationDeliveries)
    .innerJoin(notificationEndpoints, eq(notificationEndpoints.id, notificationDeliveries.endpointId))
    .where(eq(notificationDeliveries.id, deliveryId))
    .limit(1);
  if (row?.delivery.status !== "pending") return "skipped";
  const { delivery, endpoint } = row;
  const attempts = delivery.attempts + 1;
  const claimed = await db
    .update(notificationDeliveries)
    .set({ attempts })
    .where(
      and(
        eq(notificationDeliveries.id, deliveryId),
        eq(notificationDeliveries.status, "pending"),
        eq(notificationDeliveries.attempts, delivery.attempts),
      ),
    )
    .returning({ id: notificationDeliveries.id });
  if (claimed.length === 0) return "skipped";

  const result: Attempt = endpoint.enabled
    ? await post(endpoint.url, open(endpoint.secretEncrypted), deliveryId, {
        event: delivery.event as NotificationEvent,
        id: String(deliveryId),
        occurredAt: delivery.createdAt.toISOString(),
        data: delivery.payload,
      })
    : { ok: false, status: null, error: "The endpoint is disabled." };
  const outcome: DeliveryOutcome = result.ok
    ? "delivered"
    : attempts >= MAX_DELIVERY_ATTEMPTS || !endpoint.enabled
      ? "failed"
      : "retry";
  await db
    .update(notificationDeliveries)
    .set({
      status: outcome === "retry" ? "pending" : outcome === "delivered" ? "delivered" : "failed",
      responseStatus: result.status,
      error: result.error,
      deliveredAt: result.ok ? new Date() : null,
    })
    .where(eq(notificationDeliveries.id, deliveryId));
  return outcome;
}
