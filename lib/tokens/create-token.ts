import "server-only";
import { inArray } from "drizzle-orm";
import { AppError, parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import { generateApiToken } from "@/lib/auth/api-token";
import { type Permission, ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import { nowOf, type ServiceContext } from "@/lib/context";
import { apiTokens, projects } from "@/lib/db/schema";
import { type CreateTokenInput, createTokenInput } from "./schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

export type CreatedToken = {
  token: {
    id: string;
    name: string;
    prefix: string;
    scopes: Permission[];
    projectIds: string[] | null;
    expiresAt: Date | null;
    createdAt: Date;
  };
  /** Shown to the caller once; only its hash is stored. */
  secret: string;
};

/**
 * Creates an API token for the caller. Every scope must be something the caller may do
 * now (their role, and when acting through a token, that token's scopes too): otherwise
 * 403 naming the rest. A project-limited caller can only create tokens within its
 * projects. Returns the secret once; only its hash is stored.
 */
export async function createToken(ctx: ServiceContext, rawInput: CreateTokenInput): Promise<CreatedToken> {
  assertCan(ctx.actor, "tokens:manage");
  const input = parseInput(createTokenInput, rawInput);
  const { actor } = ctx;

  const rolePermissions = ROLE_PERMISSIONS[actor.role];
  const notAllowed = input.scopes.filter(
    (scope) => !rolePermissions.has(scope) || !actor.permissions.has(scope),
  );
  if (notAllowed.length > 0) {
    const who =
      actor.via === "token"
        ? "This token (or its owner's role) does not"
        : `Your role (${actor.role}) does not`;
    throw new AppError("forbidden", `${who} allow these scopes: ${notAllowed.join(", ")}.`, {
      scopes: notAllowed,
    });
  }

  // A token limited to projects creates tokens limited the same way, never wider.
  const projectIds = input.projectIds ?? (actor.projectIds ? [...actor.projectIds] : null);
  const now = nowOf(ctx);
  const expiresAt =
    input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * DAY_MS);
  const generated = generateApiToken();

  return ctx.db.transaction(async (tx) => {
    if (projectIds) {
      // Projects outside the caller's reach are reported as unknown, so none are revealed.
      const reachable = actor.projectIds
        ? projectIds.filter((id) => actor.projectIds?.includes(id))
        : projectIds;
      const found =
        reachable.length > 0
          ? await tx.select({ id: projects.id }).from(projects).where(inArray(projects.id, reachable))
          : [];
      const missing = projectIds.filter((id) => !found.some((p) => p.id === id));
      if (missing.length > 0) {
        throw new AppError("invalid_request", `Unknown projects: ${missing.join(", ")}.`, {
          fields: [{ path: "projectIds", message: `Unknown projects: ${missing.join(", ")}.` }],
        });
      }
    }
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: actor.userId,
        name: input.name,
        tokenHash: generated.hash,
        prefix: generated.prefix,
        scopes: input.scopes,
        projectIds,
        expiresAt,
        createdAt: now,
      })
      .returning({
        id: apiTokens.id,
        name: apiTokens.name,
        prefix: apiTokens.prefix,
        scopes: apiTokens.scopes,
        projectIds: apiTokens.projectIds,
        expiresAt: apiTokens.expiresAt,
        createdAt: apiTokens.createdAt,
      });
    if (!row) throw new AppError("internal", "The API token was not created.");
    await recordAudit(tx, actor, {
      action: "token.create",
      targetType: "api_token",
      targetId: row.id,
      data: {
        name: row.name,
        prefix: row.prefix,
        scopes: row.scopes,
        projectIds: row.projectIds,
        expiresAt: row.expiresAt?.toISOString() ?? null,
        ...(actor.tokenId ? { viaTokenId: actor.tokenId } : {}),
      },
    });
    return { token: { ...row, scopes: row.scopes as Permission[] }, secret: generated.secret };
  });
}
