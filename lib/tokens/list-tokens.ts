import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { validationError } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { nowOf, type ServiceContext } from "@/lib/context";
import { apiTokens } from "@/lib/db/schema";
import { type ListTokensInput, listTokensInput } from "./schemas";

/** An API token as its owner sees it: never the hash, never the secret. */
export type TokenListItem = {
  id: string;
  name: string;
  prefix: string;
  scopes: Permission[];
  projectIds: string[] | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  status: "active" | "expired" | "revoked";
};

/** The columns token verbs return; `tokenHash` is deliberately absent. */
export const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scopes: apiTokens.scopes,
  projectIds: apiTokens.projectIds,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  createdAt: apiTokens.createdAt,
};

type TokenRow = Omit<TokenListItem, "status" | "scopes"> & { scopes: string[] };

export function toTokenListItem(row: TokenRow, now: Date): TokenListItem {
  const status = row.revokedAt ? "revoked" : row.expiresAt && row.expiresAt <= now ? "expired" : "active";
  return { ...row, scopes: row.scopes as Permission[], status };
}

/**
 * The caller's own API tokens, newest first; revoked ones only with `includeRevoked`.
 * With `userId`, someone else's: only for people who manage users (users:write), so an admin
 * can find and revoke a leaked token without disabling its owner.
 */
export async function listTokens(
  ctx: ServiceContext,
  rawInput: ListTokensInput = {},
): Promise<TokenListItem[]> {
  assertCan(ctx.actor, "tokens:manage");
  const parsed = listTokensInput.safeParse(rawInput);
  if (!parsed.success) throw validationError(parsed.error);
  const ownerId = parsed.data.userId ?? ctx.actor.userId;
  if (ownerId !== ctx.actor.userId) assertCan(ctx.actor, "users:write");
  const rows = await ctx.db
    .select(tokenColumns)
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.userId, ownerId),
        parsed.data.includeRevoked ? undefined : isNull(apiTokens.revokedAt),
      ),
    )
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  const now = nowOf(ctx);
  return rows.map((row) => toTokenListItem(row, now));
}
