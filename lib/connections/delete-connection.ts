import "server-only";
import { eq } from "drizzle-orm";
import { parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { connections } from "@/lib/db/schema";
import { loadConnectionRow } from "./load-connection";
import { type ConnectionIdInput, connectionIdInput } from "./schemas";

/**
 * Deletes a connection and its stored webhook deliveries. Needs connections:write. Runs it
 * already brought in stay: their pipelines only lose the link to the connection.
 */
export async function deleteConnection(ctx: ServiceContext, rawInput: ConnectionIdInput): Promise<void> {
  assertCan(ctx.actor, "connections:write");
  const input = parseInput(connectionIdInput, rawInput);
  await ctx.db.transaction(async (tx) => {
    const row = await loadConnectionRow(tx, input.id, { forUpdate: true });
    await tx.delete(connections).where(eq(connections.id, row.id));
    await recordAudit(tx, ctx.actor, {
      action: "connection.delete",
      targetType: "connection",
      targetId: row.id,
      data: { kind: row.kind, name: row.name, baseUrl: row.baseUrl },
    });
  });
}
