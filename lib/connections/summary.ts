import "server-only";
import { sql } from "drizzle-orm";
import { connections } from "@/lib/db/schema";
import { type ProviderConnectionConfig, providerConnectionConfigSchema } from "./config-schema";

/**
 * What any reader may see of a connection. The sealed token and webhook secret are never
 * selected: only whether a token is stored.
 */
export const connectionSummaryColumns = {
  id: connections.id,
  kind: connections.kind,
  name: connections.name,
  baseUrl: connections.baseUrl,
  enabled: connections.enabled,
  hasToken: sql<boolean>`(${connections.credentialsEncrypted} is not null)`,
  config: connections.config,
  lastDeliveryAt: connections.lastDeliveryAt,
  lastSyncAt: connections.lastSyncAt,
  lastError: connections.lastError,
  createdAt: connections.createdAt,
  updatedAt: connections.updatedAt,
};

type ConnectionRow = typeof connections.$inferSelect;
type SummaryRow = Pick<
  ConnectionRow,
  | "id"
  | "kind"
  | "name"
  | "baseUrl"
  | "enabled"
  | "config"
  | "lastDeliveryAt"
  | "lastSyncAt"
  | "lastError"
  | "createdAt"
  | "updatedAt"
> & { hasToken: boolean };

export type ConnectionSummary = Omit<SummaryRow, "config"> & { config: ProviderConnectionConfig };

/** Normalizes a selected row: the config parsed (unknown keys from other writers dropped). */
export function toConnectionSummary(row: SummaryRow): ConnectionSummary {
  const parsed = providerConnectionConfigSchema.safeParse(row.config ?? {});
  return {
    ...row,
    hasToken: Boolean(row.hasToken),
    config: parsed.success ? parsed.data : { repositories: [] },
  };
}
