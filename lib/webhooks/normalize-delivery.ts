import "server-only";
import { eq, sql } from "drizzle-orm";
import { parseConnectionConfig } from "@/lib/connections/load-connection-for-webhook";
import type { Executor, Transaction } from "@/lib/db/client";
import { connections, webhookDeliveries } from "@/lib/db/schema";
import { logger } from "@/lib/log";
import { InvalidPayloadError } from "@/lib/providers/shared/payload";
import type { CiProvider, WebhookEffect } from "@/lib/providers/shared/types";
import { type ApplyResult, applyEffect } from "./apply-effect";
import { webhookProviderFor } from "./providers";

export type DeliveryOutcome = "pending" | "processed" | "ignored" | "failed";
export type NormalizeResult = {
  deliveryId: number;
  outcome: DeliveryOutcome;
  error: string | null;
  skipped: boolean;
};

export type NormalizeOptions = {
  /** Normalize again even though the delivery is no longer pending (the delivery log's replay). */
  replay?: boolean;
  /** On an unexpected error, mark the delivery failed instead of throwing for a retry. Default true. */
  finalAttempt?: boolean;
  /** Runs in the transaction that records the outcome (the replay's audit event). */
  inTransaction?: (tx: Transaction, result: NormalizeResult) => Promise<void>;
};

type Delivery = {
  id: number;
  connectionId: string;
  kind: string;
  config: unknown;
  event: string;
  body: string;
};

/**
 * Turns a stored delivery into runs, jobs or deployments, and records its outcome
 * (processed, ignored with a reason, failed with the error) in the same transaction. A
 * delivery that is no longer pending is left alone, so running twice changes nothing; a
 * payload that does not match the documented shape fails the delivery instead of throwing.
 */
export async function normalizeDelivery(
  db: Executor,
  deliveryId: number,
  options: NormalizeOptions = {},
): Promise<NormalizeResult | null> {
  const [delivery] = await db
    .select({
      id: webhookDeliveries.id,
      connectionId: webhookDeliveries.connectionId,
      kind: connections.kind,
      config: connections.config,
      event: webhookDeliveries.event,
      body: webhookDeliveries.body,
      outcome: webhookDeliveries.outcome,
      error: webhookDeliveries.error,
    })
    .from(webhookDeliveries)
    .innerJoin(connections, eq(connections.id, webhookDeliveries.connectionId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!delivery) return null;
  if (delivery.outcome !== "pending" && !options.replay) {
    return { deliveryId, outcome: delivery.outcome, error: delivery.error, skipped: true };
  }
  let effect: WebhookEffect | "ping";
  try {
    effect = mapDelivery(delivery);
  } catch (error) {
    if (error instanceof InvalidPayloadError) return settle(db, deliveryId, "failed", error.message, options);
    throw error;
  }
  try {
    return await db.transaction(async (tx) => {
      // The row lock makes concurrent workers (a retry, the sweeper's copy) wait, then skip.
      const [current] = await tx
        .select({ outcome: webhookDeliveries.outcome })
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.id, deliveryId))
        .for("update");
      if (!current) return { deliveryId, outcome: "failed" as const, error: "deleted", skipped: true };
      if (current.outcome !== "pending" && !options.replay) {
        return { deliveryId, outcome: current.outcome, error: null, skipped: true };
      }
      const config = parseConnectionConfig(delivery.connectionId, delivery.config);
      const applied: ApplyResult =
        effect === "ping"
          ? { outcome: "processed", note: null }
          : await applyEffect(
              tx,
              // mapDelivery has checked that the kind is a CI provider.
              { id: delivery.connectionId, kind: delivery.kind as CiProvider, config },
              effect,
            );
      return record(tx, deliveryId, applied.outcome, applied.note, options);
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof InvalidPayloadError) && options.finalAttempt === false) {
      logger.warn({ err: error, deliveryId }, "webhook normalization failed; will retry");
      throw error;
    }
    if (!(error instanceof InvalidPayloadError))
      logger.error({ err: error, deliveryId }, "webhook normalization failed");
    return settle(db, deliveryId, "failed", message, options);
  }
}

function mapDelivery(delivery: Delivery): WebhookEffect | "ping" {
  const provider = webhookProviderFor(delivery.kind);
  if (!provider) throw new InvalidPayloadError(`connections of kind ${delivery.kind} take no webhooks`);
  if (provider.isPing(delivery.event)) return "ping";
  let body: unknown;
  try {
    body = JSON.parse(delivery.body);
  } catch {
    throw new InvalidPayloadError("the stored body is not JSON");
  }
  return provider.map(delivery.event, body);
}

async function record(
  tx: Transaction,
  deliveryId: number,
  outcome: DeliveryOutcome,
  note: string | null,
  options: NormalizeOptions,
): Promise<NormalizeResult> {
  const error = note ? note.slice(0, 2000) : null;
  await tx
    .update(webhookDeliveries)
    .set({ outcome, error, processedAt: sql`now()` })
    .where(eq(webhookDeliveries.id, deliveryId));
  const result = { deliveryId, outcome, error, skipped: false };
  await options.inTransaction?.(tx, result);
  return result;
}

/** Records an outcome on its own (the failure paths, where the main transaction rolled back). */
function settle(
  db: Executor,
  deliveryId: number,
  outcome: DeliveryOutcome,
  note: string,
  options: NormalizeOptions,
) {
  return db.transaction((tx) => record(tx, deliveryId, outcome, note, options));
}
