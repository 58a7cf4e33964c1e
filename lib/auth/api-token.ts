import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { apiTokens, users } from "@/lib/db/schema";
import type { Actor } from "./actor";
import { type Permission, ROLE_PERMISSIONS } from "./permissions";

const TOKEN_PREFIX = "tdm_";

/** A new random token; the secret is returned once and only its hash is stored. */
export function generateApiToken(): { secret: string; hash: string; prefix: string } {
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, hash: hashApiToken(secret), prefix: secret.slice(0, 12) };
}

export function hashApiToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX) && value.length > 20 && value.length < 200;
}

/**
 * Resolves a bearer secret to an actor: the token must be unrevoked and unexpired, its
 * owner enabled; its permissions are its scopes narrowed by the owner's role today.
 */
export async function loadTokenActor(db: Executor, secret: string, now = new Date()): Promise<Actor | null> {
  if (!looksLikeApiToken(secret)) return null;
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashApiToken(secret)),
        isNull(apiTokens.revokedAt),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (row.token.expiresAt && row.token.expiresAt <= now) return null;
  const rolePermissions = ROLE_PERMISSIONS[row.user.role];
  const permissions = new Set(
    row.token.scopes.filter((s): s is Permission => rolePermissions.has(s as Permission)),
  );
  // Last-used is informative only; a minute of precision keeps hot tokens from writing on every call.
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > 60_000) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(eq(apiTokens.id, row.token.id))
      .catch(() => {});
  }
  return {
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: row.user.role,
    via: "token",
    tokenId: row.token.id,
    permissions,
    projectIds: row.token.projectIds,
  };
}
