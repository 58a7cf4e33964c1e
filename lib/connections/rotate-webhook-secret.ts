import "server-only";
import { eq } from "drizzle-orm";
import { parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { seal } from "@/lib/crypto/secret-box";
import { connections } from "@/lib/db/schema";
import { loadConnectionRow } from "./load-connection";
import { type ConnectionIdInput, connectionIdInput } from "./schemas";
import { generateWebhookSecret } from "./webhook-secret";

/**
 * Replaces a connection's webhook secret with a new random one and returns it once. Needs
 * connections:write. Deliveries signed with the old secret are refused from this commit on,
 * so the provider's webhook settings must be updated right away.
 */
export async function rotateWebhookSecret(
  ctx: ServiceContext,
  rawInput: ConnectionIdInput,
): Promise<{ webhookSecret: string }> {
  assertCan(ctx.actor, "connections:write");
  const input = parseInput(connectionIdInput, rawInput);
  const webhookSecret = generateWebhookSecret();
  await ctx.db.transaction(async (tx) => {
    const current = await loadConnectionRow(tx, input.id, { forUpdate: true });
    await tx
      .update(connections)
      .set({ webhookSecretEncrypted: seal(webhookSecret), updatedAt: nowOf(ctx) })
      .where(eq(connections.id, current.id));
    await recordAudit(tx, ctx.actor, {
      action: "connection.rotate_secret",
      targetType: "connection",
      targetId: current.id,
      data: { name: current.name },
    });
  });
  return { webhookSecret };
}
