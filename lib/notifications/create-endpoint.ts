import "server-only";
import { AppError, parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import { generateWebhookSecret } from "@/lib/connections/webhook-secret";
import { nowOf, type ServiceContext } from "@/lib/context";
import { seal } from "@/lib/crypto/secret-box";
import { notificationEndpoints } from "@/lib/db/schema";
import { type CreateEndpointInput, createEndpointInput } from "./schemas";
import { type EndpointSummary, endpointSummaryColumns, toEndpointSummary } from "./summary";

export type CreatedEndpoint = {
  endpoint: EndpointSummary;
  /** The HMAC key of X-Tandem-Signature-256, returned this once; it is stored sealed. */
  secret: string;
};

/**
 * Adds an outgoing notification webhook. Needs connections:write (endpoints are outward
 * connections that carry a secret, so they are admin-only like provider connections).
 */
export async function createEndpoint(
  ctx: ServiceContext,
  rawInput: CreateEndpointInput,
): Promise<CreatedEndpoint> {
  assertCan(ctx.actor, "connections:write");
  const input = parseInput(createEndpointInput, rawInput);
  const secret = generateWebhookSecret();
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(notificationEndpoints)
      .values({ ...input, secretEncrypted: seal(secret), createdAt: now, updatedAt: now })
      .returning(endpointSummaryColumns);
    if (!row) throw new AppError("internal", "The endpoint was not created.");
    await recordAudit(tx, ctx.actor, {
      action: "notification_endpoint.create",
      targetType: "notification_endpoint",
      targetId: row.id,
      data: { name: row.name, url: row.url, events: row.events, enabled: row.enabled },
    });
    return { endpoint: toEndpointSummary(row), secret };
  });
}
