import "server-only";
import { AppError, parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { open } from "@/lib/crypto/secret-box";
import { loadConnectionRow } from "./load-connection";
import { type ConnectionIdInput, connectionIdInput } from "./schemas";

/**
 * Opens a connection's webhook secret so an admin can paste it into the provider. Needs
 * connections:write (not just read), and every reveal is audited as
 * `connection.reveal_secret`, in the same transaction that reads it.
 */
export async function revealWebhookSecret(
  ctx: ServiceContext,
  rawInput: ConnectionIdInput,
): Promise<{ webhookSecret: string }> {
  assertCan(ctx.actor, "connections:write");
  const input = parseInput(connectionIdInput, rawInput);
  return ctx.db.transaction(async (tx) => {
    const row = await loadConnectionRow(tx, input.id);
    if (!row.webhookSecretEncrypted) {
      throw new AppError("not_found", "This connection has no webhook secret; rotate it to create one.");
    }
    const webhookSecret = open(row.webhookSecretEncrypted);
    await recordAudit(tx, ctx.actor, {
      action: "connection.reveal_secret",
      targetType: "connection",
      targetId: row.id,
      data: { name: row.name },
    });
    return { webhookSecret };
  });
}
