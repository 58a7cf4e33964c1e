import "server-only";
import { and, eq } from "drizzle-orm";
import { AppError, validationError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, can } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { apiTokens } from "@/lib/db/schema";
import { type TokenListItem, tokenColumns, toTokenListItem } from "./list-tokens";
import { type RevokeTokenInput, revokeTokenInput } from "./schemas";

/**
 * Revokes an API token; it stops authenticating at once. People revoke their own tokens;
 * those who manage users (users:write) may revoke anyone's, e.g. a leaked one. For anyone
 * else another person's token is a 404 (its existence is not revealed). Revoking twice
 * changes nothing and writes no second audit event.
 */
export async function revokeToken(ctx: ServiceContext, rawInput: RevokeTokenInput): Promise<TokenListItem> {
  assertCan(ctx.actor, "tokens:manage");
  const parsed = revokeTokenInput.safeParse(rawInput);
  if (!parsed.success) throw validationError(parsed.error);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const [token] = await tx
      .select({ ...tokenColumns, userId: apiTokens.userId })
      .from(apiTokens)
      .where(
        and(
          eq(apiTokens.id, parsed.data.id),
          can(ctx.actor, "users:write") ? undefined : eq(apiTokens.userId, ctx.actor.userId),
        ),
      )
      .for("update");
    if (!token) throw new AppError("not_found", "API token not found.");
    if (token.revokedAt) return toTokenListItem(token, now);
    const [revoked] = await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(eq(apiTokens.id, token.id))
      .returning(tokenColumns);
    if (!revoked) throw new AppError("not_found", "API token not found.");
    await recordAudit(tx, ctx.actor, {
      action: "token.revoke",
      targetType: "api_token",
      targetId: token.id,
      data: { name: token.name, prefix: token.prefix, ownerUserId: token.userId },
    });
    return toTokenListItem(revoked, now);
  });
}
