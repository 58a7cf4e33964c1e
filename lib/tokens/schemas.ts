import { z } from "zod";
import { PERMISSIONS } from "@/lib/auth/permissions";

/** Input schemas for API tokens, shared by `POST /api/v1/tokens`, the server actions and the verbs. */

export const TOKEN_EXPIRY_DAYS = [30, 90, 365] as const;
export const DEFAULT_TOKEN_EXPIRY_DAYS = 90;

export const createTokenInput = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(100, "Use at most 100 characters."),
  scopes: z
    .array(z.enum(PERMISSIONS, { error: "Unknown scope." }))
    .min(1, "Choose at least one scope.")
    .max(PERMISSIONS.length)
    .transform((scopes) => [...new Set(scopes)]),
  /** Omitted or null: every project the owner can see. */
  projectIds: z
    .array(z.uuid("Not a valid project id."))
    .min(1, "Choose at least one project, or send null for all projects.")
    .max(200)
    .transform((ids) => [...new Set(ids)])
    .nullable()
    .default(null),
  /** Omitted: 90 days. null: never expires. */
  expiresInDays: z
    .number()
    .int("Use a whole number of days.")
    .min(1, "Use 1 to 365 days, or null for never.")
    .max(365, "Use 1 to 365 days, or null for never.")
    .nullable()
    .default(DEFAULT_TOKEN_EXPIRY_DAYS),
});
export type CreateTokenInput = z.input<typeof createTokenInput>;

export const revokeTokenInput = z.object({ id: z.uuid("Not a valid token id.") });
export type RevokeTokenInput = z.input<typeof revokeTokenInput>;

export const listTokensInput = z.object({
  /** Another person's tokens (admins only, to find and revoke a leaked one); default: the caller's. */
  userId: z.uuid("Not a valid user id.").optional(),
  /** Revoked tokens are hidden unless asked for. */
  includeRevoked: z
    .union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")])
    .default(false),
});
export type ListTokensInput = z.input<typeof listTokensInput>;
