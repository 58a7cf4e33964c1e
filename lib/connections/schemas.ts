import { z } from "zod";
import { checkBaseUrl } from "./base-url";
import {
  mlflowConnectionConfigSchema,
  prometheusConnectionConfigSchema,
  providerConnectionConfigSchema,
} from "./config-schema";
import {
  CI_CONNECTION_KINDS,
  DEFAULT_BASE_URLS,
  MANAGED_CONNECTION_KINDS,
  type ManagedConnectionKind,
} from "./kinds";

/**
 * Input schemas shared by `/api/v1/connections`, the settings server actions and the verbs,
 * so every entry point accepts and rejects the same things with the same messages.
 */

export const connectionKindSchema = z.enum(MANAGED_CONNECTION_KINDS, {
  error: "Choose one of: github, gitlab, azure_devops, mlflow, prometheus.",
});

const name = z.string().trim().min(1, "Enter a name.").max(100, "Use at most 100 characters.");
const token = z.string().trim().max(2000, "Use at most 2000 characters.");
const baseUrl = z.string().trim().max(500, "Use at most 500 characters.");

/** Replaces `baseUrl` by its normalized form, or reports why it cannot be used. */
function withCheckedBaseUrl<T extends { kind: ManagedConnectionKind; baseUrl?: string }>(
  value: T,
  ctx: z.RefinementCtx,
): T {
  const raw = value.baseUrl || DEFAULT_BASE_URLS[value.kind];
  if (!raw) {
    const message = value.kind === "azure_devops" ? "Enter the organisation URL." : "Enter the server's URL.";
    ctx.addIssue({ code: "custom", path: ["baseUrl"], message });
    return value;
  }
  const checked = checkBaseUrl(value.kind, raw);
  if (!checked.ok) {
    ctx.addIssue({ code: "custom", path: ["baseUrl"], message: checked.message });
    return value;
  }
  return { ...value, baseUrl: checked.url };
}

/**
 * How Tandem signs in to an MLflow or Prometheus server: often nothing (behind a VPN), a
 * bearer token (Databricks, reverse proxies) or HTTP basic auth (MLflow's basic-auth app).
 */
export const pullAuthSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("none") }),
  z.object({ type: z.literal("bearer"), token: token.min(1, "Enter the token.") }),
  z.object({
    type: z.literal("basic"),
    username: z.string().trim().min(1, "Enter the user name.").max(200),
    password: z.string().min(1, "Enter the password.").max(2000),
  }),
]);
export type PullAuth = z.infer<typeof pullAuthSchema>;

const ciCreate = z.object({
  kind: z.enum(CI_CONNECTION_KINDS),
  name,
  /** Omitted or blank: the provider's public service (GitHub, GitLab); required for Azure DevOps. */
  baseUrl: baseUrl.optional(),
  token: token.min(1, "Enter an access token."),
  config: providerConnectionConfigSchema.default({ repositories: [] }),
});

const mlflowCreate = z.object({
  kind: z.literal("mlflow"),
  name,
  baseUrl: baseUrl.optional(),
  auth: pullAuthSchema.default({ type: "none" }),
  config: mlflowConnectionConfigSchema,
});

const prometheusCreate = z.object({
  kind: z.literal("prometheus"),
  name,
  baseUrl: baseUrl.optional(),
  auth: pullAuthSchema.default({ type: "none" }),
  config: prometheusConnectionConfigSchema.default({ queries: [], intervalSeconds: 60 }),
});

/** CI kinds take a token and a repository mapping; MLflow and Prometheus an optional sign-in and their own config. */
export const createConnectionInput = z
  .discriminatedUnion("kind", [ciCreate, mlflowCreate, prometheusCreate], {
    error: "Choose one of: github, gitlab, azure_devops, mlflow, prometheus.",
  })
  .transform(withCheckedBaseUrl);
export type CreateConnectionInput = z.input<typeof createConnectionInput>;

/**
 * The body of `PATCH /api/v1/connections/{id}`: every field optional; a blank token keeps the
 * old one. `config` is checked against the connection's kind by the verb (repositories for
 * CI kinds, models for MLflow, queries for Prometheus); `auth` applies to MLflow and Prometheus.
 */
export const updateConnectionBody = z.object({
  name: name.optional(),
  baseUrl: baseUrl.min(1, "Enter a base URL.").optional(),
  token: token.optional(),
  auth: pullAuthSchema.optional(),
  config: z.record(z.string(), z.unknown()).optional(),
  enabled: z.boolean().optional(),
});

/** The config schema of each kind, for the verbs that must check a config against its connection's kind. */
export const CONFIG_SCHEMAS = {
  github: providerConnectionConfigSchema,
  gitlab: providerConnectionConfigSchema,
  azure_devops: providerConnectionConfigSchema,
  mlflow: mlflowConnectionConfigSchema,
  prometheus: prometheusConnectionConfigSchema,
} as const;

export const updateConnectionInput = updateConnectionBody.extend({
  id: z.uuid("Not a valid connection id."),
});
export type UpdateConnectionInput = z.input<typeof updateConnectionInput>;

export const connectionIdInput = z.object({ id: z.uuid("Not a valid connection id.") });
export type ConnectionIdInput = z.input<typeof connectionIdInput>;

export const listDeliveriesQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const listDeliveriesInput = listDeliveriesQuery.extend({ id: z.uuid("Not a valid connection id.") });
export type ListDeliveriesInput = z.input<typeof listDeliveriesInput>;
