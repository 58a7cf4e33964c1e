import { z } from "zod";
import { checkBaseUrl } from "./base-url";
import { providerConnectionConfigSchema } from "./config-schema";
import { CI_CONNECTION_KINDS, type CiConnectionKind, DEFAULT_BASE_URLS } from "./kinds";

/**
 * Input schemas shared by `/api/v1/connections`, the settings server actions and the verbs,
 * so every entry point accepts and rejects the same things with the same messages.
 */

export const connectionKindSchema = z.enum(CI_CONNECTION_KINDS, {
  error: "Choose one of: github, gitlab, azure_devops.",
});

const name = z.string().trim().min(1, "Enter a name.").max(100, "Use at most 100 characters.");
const token = z.string().trim().max(2000, "Use at most 2000 characters.");
const baseUrl = z.string().trim().max(500, "Use at most 500 characters.");

/** Replaces `baseUrl` by its normalized form, or reports why it cannot be used. */
function withCheckedBaseUrl<T extends { kind: CiConnectionKind; baseUrl?: string }>(
  value: T,
  ctx: z.RefinementCtx,
): T {
  const raw = value.baseUrl || DEFAULT_BASE_URLS[value.kind];
  if (!raw) {
    ctx.addIssue({ code: "custom", path: ["baseUrl"], message: "Enter the organisation URL." });
    return value;
  }
  const checked = checkBaseUrl(value.kind, raw);
  if (!checked.ok) {
    ctx.addIssue({ code: "custom", path: ["baseUrl"], message: checked.message });
    return value;
  }
  return { ...value, baseUrl: checked.url };
}

export const createConnectionInput = z
  .object({
    kind: connectionKindSchema,
    name,
    /** Omitted or blank: the provider's public service (GitHub, GitLab); required for Azure DevOps. */
    baseUrl: baseUrl.optional(),
    token: token.min(1, "Enter an access token."),
    config: providerConnectionConfigSchema.default({ repositories: [] }),
  })
  .transform(withCheckedBaseUrl);
export type CreateConnectionInput = z.input<typeof createConnectionInput>;

/** The body of `PATCH /api/v1/connections/{id}`: every field optional; a blank token keeps the old one. */
export const updateConnectionBody = z.object({
  name: name.optional(),
  baseUrl: baseUrl.min(1, "Enter a base URL.").optional(),
  token: token.optional(),
  config: providerConnectionConfigSchema.optional(),
  enabled: z.boolean().optional(),
});

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
