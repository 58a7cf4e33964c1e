import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { AppError, parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { webhookDeliveries } from "@/lib/db/schema";
import { type NormalizeResult, normalizeDelivery } from "./normalize-delivery";

const deliveryIdInput = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * Normalizes a stored delivery again, whatever its outcome was (after fixing a repository
 * mapping, say). Needs connections:write; the audit event `webhook.replay` is written in the
 * transaction that records the new outcome. Safe to repeat: runs and deployments are upserts.
 */
export async function replayDelivery(ctx: ServiceContext, deliveryId: number): Promise<NormalizeResult> {
  assertCan(ctx.actor, "connections:write");
  const id = parseInput(deliveryIdInput, deliveryId, "The delivery id is not valid.");
  const [delivery] = await ctx.db
    .select({ connectionId: webhookDeliveries.connectionId, event: webhookDeliveries.event })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.id, id));
  if (!delivery) throw new AppError("not_found", "Delivery not found.");
  const result = await normalizeDelivery(ctx.db, id, {
    replay: true,
    inTransaction: (tx, outcome) =>
      recordAudit(tx, ctx.actor, {
        action: "webhook.replay",
        targetType: "webhook_delivery",
        targetId: String(id),
        data: { connectionId: delivery.connectionId, event: delivery.event, outcome: outcome.outcome },
      }),
  });
  if (!result) throw new AppError("not_found", "Delivery not found.");
  return result;
}
