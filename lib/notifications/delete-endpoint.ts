import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { AppError, parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { notificationEndpoints } from "@/lib/db/schema";

const deleteEndpointInput = z.object({ id: z.uuid() });

/** Deletes an endpoint and its delivery log (pending deliveries are dropped). Needs connections:write. */
export async function deleteEndpoint(ctx: ServiceContext, rawInput: { id: string }): Promise<void> {
  assertCan(ctx.actor, "connections:write");
  const { id } = parseInput(deleteEndpointInput, rawInput);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(notificationEndpoints)
      .where(eq(notificationEndpoints.id, id))
      .returning({ name: notificationEndpoints.name, url: notificationEndpoints.url });
    if (!row) throw new AppError("not_found", "Notification endpoint not found.");
    await recordAudit(tx, ctx.actor, {
      action: "notification_endpoint.delete",
      targetType: "notification_endpoint",
      targetId: id,
      data: row,
    });
  });
}
