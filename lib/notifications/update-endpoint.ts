import "server-only";
import { eq } from "drizzle-orm";
import { AppError, parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { notificationEndpoints } from "@/lib/db/schema";
import { type UpdateEndpointInput, updateEndpointInput } from "./schemas";
import { type EndpointSummary, endpointSummaryColumns, toEndpointSummary } from "./summary";

/** Changes an endpoint's name, URL, events or enabled flag; the secret stays. Needs connections:write. */
export async function updateEndpoint(
  ctx: ServiceContext,
  rawInput: UpdateEndpointInput,
): Promise<EndpointSummary> {
  assertCan(ctx.actor, "connections:write");
  const { id, ...changes } = parseInput(updateEndpointInput, rawInput);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select(endpointSummaryColumns)
      .from(notificationEndpoints)
      .where(eq(notificationEndpoints.id, id))
      .for("update");
    if (!before) throw new AppError("not_found", "Notification endpoint not found.");
    const [after] = await tx
      .update(notificationEndpoints)
      .set({ ...changes, updatedAt: nowOf(ctx) })
      .where(eq(notificationEndpoints.id, id))
      .returning(endpointSummaryColumns);
    const pick = (r: typeof before) => ({ name: r.name, url: r.url, events: r.events, enabled: r.enabled });
    await recordAudit(tx, ctx.actor, {
      action: "notification_endpoint.update",
      targetType: "notification_endpoint",
      targetId: id,
      data: { before: pick(before), after: pick(after!) },
    });
    return toEndpointSummary(after!);
  });
}
