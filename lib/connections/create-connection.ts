import "server-only";
import { AppError, parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { seal } from "@/lib/crypto/secret-box";
import { connections } from "@/lib/db/schema";
import { assertProjectsExist } from "./assert-projects-exist";
import { type CreateConnectionInput, createConnectionInput } from "./schemas";
import { type ConnectionSummary, connectionSummaryColumns, toConnectionSummary } from "./summary";
import { generateWebhookSecret } from "./webhook-secret";

export type CreatedConnection = {
  connection: ConnectionSummary;
  /** Returned once, for the provider's webhook settings; afterwards only `reveal` shows it. */
  webhookSecret: string;
};

/**
 * Adds a GitHub, GitLab or Azure DevOps connection. Needs connections:write. The token and
 * a server-generated webhook secret are sealed (AES-256-GCM) before they reach the database;
 * every mapped project must exist (400 otherwise, nothing written).
 */
export async function createConnection(
  ctx: ServiceContext,
  rawInput: CreateConnectionInput,
): Promise<CreatedConnection> {
  assertCan(ctx.actor, "connections:write");
  const input = parseInput(createConnectionInput, rawInput);
  const webhookSecret = generateWebhookSecret();
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    await assertProjectsExist(tx, input.config);
    const [row] = await tx
      .insert(connections)
      .values({
        kind: input.kind,
        name: input.name,
        baseUrl: input.baseUrl ?? "",
        credentialsEncrypted: seal(input.token),
        webhookSecretEncrypted: seal(webhookSecret),
        config: input.config,
        createdAt: now,
        updatedAt: now,
      })
      .returning(connectionSummaryColumns);
    if (!row) throw new AppError("internal", "The connection was not created.");
    await recordAudit(tx, ctx.actor, {
      action: "connection.create",
      targetType: "connection",
      targetId: row.id,
      data: {
        kind: row.kind,
        name: row.name,
        baseUrl: row.baseUrl,
        repositories: input.config.repositories.map((r) => r.name),
      },
    });
    return { connection: toConnectionSummary(row), webhookSecret };
  });
}
