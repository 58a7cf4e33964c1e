import "server-only";
import { and, eq } from "drizzle-orm";
import { open } from "@/lib/crypto/secret-box";
import type { Executor } from "@/lib/db/client";
import { connections } from "@/lib/db/schema";
import { logger } from "@/lib/log";
import { type ProviderConnectionConfig, providerConnectionConfigSchema } from "./config-schema";

/**
 * The `config` of a github / gitlab / azure_devops connection:
 * `{ repositories: [{ name, projectId }], defaultProjectId? }`, where `name` is a GitHub
 * `owner/repo`, a GitLab `group/project` path or numeric project id, or an Azure DevOps
 * project name (or id). Defined once in config-schema.ts (which client code can import) and
 * re-exported here for webhook handling.
 */
export { type ProviderConnectionConfig, providerConnectionConfigSchema };

export type WebhookConnection = {
  id: string;
  kind: "github" | "gitlab" | "azure_devops";
  /** The webhook secret in clear, or null when none is configured (every delivery is refused). */
  secret: string | null;
  config: ProviderConnectionConfig;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a well-formed uuid: anything else is an unknown connection, not a database error. */
export function isConnectionId(value: string): boolean {
  return UUID.test(value);
}

/**
 * The enabled connection of this kind that a webhook URL names, with its secret opened, or
 * null (unknown, disabled, another kind, or a malformed id). Never throws for a bad config:
 * runs then fall back to "no project mapping" in the delivery log.
 */
export async function loadConnectionForWebhook(
  db: Executor,
  id: string,
  kind: WebhookConnection["kind"],
): Promise<WebhookConnection | null> {
  if (!isConnectionId(id)) return null;
  const [row] = await db
    .select({
      id: connections.id,
      webhookSecretEncrypted: connections.webhookSecretEncrypted,
      config: connections.config,
    })
    .from(connections)
    .where(and(eq(connections.id, id), eq(connections.kind, kind), eq(connections.enabled, true)))
    .limit(1);
  if (!row) return null;
  return {
    id: row.id,
    kind,
    secret: row.webhookSecretEncrypted ? open(row.webhookSecretEncrypted) : null,
    config: parseConnectionConfig(row.id, row.config),
  };
}

/** The connection's config, or an empty mapping (with a log line) when it does not parse. */
export function parseConnectionConfig(connectionId: string, raw: unknown): ProviderConnectionConfig {
  const parsed = providerConnectionConfigSchema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  logger.warn({ connectionId, issues: parsed.error.issues.length }, "connection config does not parse");
  return { repositories: [] };
}
