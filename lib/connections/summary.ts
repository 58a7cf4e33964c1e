import "server-only";
import { sql } from "drizzle-orm";
import { connections } from "@/lib/db/schema";
import {
  type MlflowConnectionConfig,
  mlflowConnectionConfigSchema,
  type PrometheusConnectionConfig,
  type ProviderConnectionConfig,
  prometheusConnectionConfigSchema,
  providerConnectionConfigSchema,
} from "./config-schema";
import type { CiConnectionKind } from "./kinds";

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
type SummaryBase = Omit<SummaryRow, "kind" | "config">;

/**
 * A connection with the public config of its own kind, told apart by `kind`: the repository
 * mapping of a CI kind, the models an MLflow connection imports, the queries a Prometheus
 * one pulls (null when the stored config cannot be read). Kinds not managed here show no
 * config at all.
 */
export type ConnectionSummary =
  | (SummaryBase & { kind: CiConnectionKind; config: ProviderConnectionConfig })
  | (SummaryBase & { kind: "mlflow"; config: MlflowConnectionConfig | null })
  | (SummaryBase & { kind: "prometheus"; config: PrometheusConnectionConfig | null })
  | (SummaryBase & { kind: "generic"; config: Record<string, never> });

/**
 * Normalizes a selected row: the config parsed with its kind's schema, so keys the schema
 * does not name (sync state, anything another writer added) never leave the server.
 */
export function toConnectionSummary(row: SummaryRow): ConnectionSummary {
  const { kind, config: raw, ...rest } = row;
  const base = { ...rest, hasToken: Boolean(row.hasToken) };
  const stored = raw ?? {};
  switch (kind) {
    case "github":
    case "gitlab":
    case "azure_devops":
      return {
        ...base,
        kind,
        config: providerConnectionConfigSchema.safeParse(stored).data ?? { repositories: [] },
      };
    case "mlflow":
      return { ...base, kind, config: mlflowConnectionConfigSchema.safeParse(stored).data ?? null };
    case "prometheus":
      return { ...base, kind, config: prometheusConnectionConfigSchema.safeParse(stored).data ?? null };
    default:
      return { ...base, kind, config: {} };
  }
}
