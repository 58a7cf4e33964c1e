import "server-only";
import { AppError, parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { seal } from "@/lib/crypto/secret-box";
import { connections } from "@/lib/db/schema";
import { requestSyncAfterCommit } from "@/lib/sync/enqueue-sync";
import { assertProjectsExist } from "./assert-projects-exist";
import { isCiConnectionKind } from "./kinds";
import { assertPullProjectsExist, sealPullAuth } from "./pull-connection";
import { type CreateConnectionInput, createConnectionInput } from "./schemas";
import { type ConnectionSummary, connectionSummaryColumns, toConnectionSummary } from "./summary";
import { generateWebhookSecret } from "./webhook-secret";

export type CreatedConnection = {
  connection: ConnectionSummary;
  /** Returned once, for the provider's webhook settings; afterwards only `reveal` shows it. Null for MLflow and Prometheus, which Tandem polls. */
  webhookSecret: string | null;
};

/**
 * Adds a GitHub, GitLab, Azure DevOps, MLflow or Prometheus connection. Needs
 * connections:write. The token (or pull sign-in) and, for CI kinds, a server-generated webhook secret are sealed (AES-256-GCM) before they reach the database;
 * every mapped project must exist (400 otherwise, nothing written). A backfill sync is
 * queued after the commit.
 */
export async function createConnection(
  ctx: ServiceContext,
  rawInput: CreateConnectionInput,
): Promise<CreatedConnection> {
  assertCan(ctx.actor, "connections:write");
  const input = parseInput(createConnectionInput, rawInput);
  const webhookSecret = "token" in input ? generateWebhookSecret() : null;
  const now = nowOf(ctx);
  const created = await ctx.db.transaction(async (tx) => {
    if ("token" in input) await assertProjectsExist(tx, input.config);
    else await assertPullProjectsExist(tx, input);
    const [row] = await tx
      .insert(connections)
      .values({
        kind: input.kind,
        name: input.name,
        baseUrl: input.baseUrl ?? "",
        credentialsEncrypted: "token" in input ? seal(input.token) : sealPullAuth(input.auth),
        webhookSecretEncrypted: webhookSecret ? seal(webhookSecret) : null,
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
        ...("repositories" in input.config
          ? { repositories: input.config.repositories.map((r) => r.name) }
          : {}),
      },
    });
    return { connection: toConnectionSummary(row), webhookSecret };
  });
  // The backfill starts once the row is committed; without a job queue the next poll runs it.
  if (isCiConnectionKind(created.connection.kind))
    await requestSyncAfterCommit(created.connection.id, "connect");
  return created;
}
