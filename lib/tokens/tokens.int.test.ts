import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError, type ErrorCode } from "@/lib/api/errors";
import { loadTokenActor } from "@/lib/auth/api-token";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import { apiTokens, auditEvents, projects } from "@/lib/db/schema";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { actorWithRole, inRollback } from "@/lib/users/testing";
import { createToken } from "./create-token";
import { listTokens } from "./list-tokens";
import { revokeToken } from "./revoke-token";

const DAY_MS = 24 * 60 * 60 * 1000;

async function expectAppError(promise: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

async function rowCounts(db: Executor) {
  const [t] = await db.select({ n: count() }).from(apiTokens);
  const [a] = await db.select({ n: count() }).from(auditEvents);
  return { tokens: t?.n ?? 0, audit: a?.n ?? 0 };
}

function auditOf(db: Executor, action: string) {
  return db.select().from(auditEvents).where(eq(auditEvents.action, action));
}

async function insertProject(db: Executor, slug: string) {
  const [project] = await db.insert(projects).values({ slug, name: slug }).returning();
  return project!;
}

describeEachDatabase("api tokens", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());

  /** Every test runs in a transaction that is rolled back, so none sees another's rows. */
  const isolated = (body: (db: Executor) => Promise<void>) => () => inRollback(handle.db, body);

  describe("createToken", () => {
    it(
      "creates a token that authenticates with exactly its scopes, and returns the secret once",
      isolated(async (db) => {
        const engineer = await actorWithRole(db, "engineer");
        const now = new Date("2030-01-01T00:00:00Z");
        const created = await createToken(
          { db, actor: engineer, now },
          { name: "  CI deploys  ", scopes: ["runs:write", "runs:read", "runs:write"] },
        );
        expect(created.secret).toMatch(/^tdm_/);
        expect(created.token).toMatchObject({
          name: "CI deploys",
          prefix: created.secret.slice(0, 12),
          projectIds: null,
        });
        expect(created.token.scopes.sort()).toEqual(["runs:read", "runs:write"]);
        // Default expiry: 90 days.
        expect(created.token.expiresAt?.getTime()).toBe(now.getTime() + 90 * DAY_MS);

        const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, created.token.id));
        expect(row?.tokenHash).not.toContain(created.secret);
        expect(JSON.stringify(row)).not.toContain(created.secret);

        const actor = await loadTokenActor(db, created.secret, now);
        expect(actor).toMatchObject({
          userId: engineer.userId,
          via: "token",
          tokenId: created.token.id,
          projectIds: null,
        });
        expect([...actor!.permissions].sort()).toEqual(["runs:read", "runs:write"]);

        const audit = await auditOf(db, "token.create");
        expect(audit).toHaveLength(1);
        expect(audit[0]).toMatchObject({
          actorUserId: engineer.userId,
          targetType: "api_token",
          targetId: created.token.id,
        });
        expect(JSON.stringify(audit[0])).not.toContain(created.secret);
        expect(JSON.stringify(audit[0])).not.toContain(row!.tokenHash);
      }),
    );

    it(
      "refuses scopes wider than the caller's role with 403 naming them, and writes nothing",
      isolated(async (db) => {
        const viewer = await actorWithRole(db, "viewer");
        const before = await rowCounts(db);
        const error = await expectAppError(
          createToken(
            { db, actor: viewer },
            { name: "too much", scopes: ["runs:read", "runs:write", "users:write"] },
          ),
          "forbidden",
        );
        expect(error.status).toBe(403);
        expect(error.details).toEqual({ scopes: ["runs:write", "users:write"] });
        expect(error.message).toContain("runs:write, users:write");
        expect(await rowCounts(db)).toEqual(before);
      }),
    );

    it(
      "lets a token create tokens only within its own scopes",
      isolated(async (db) => {
        const engineer = await actorWithRole(db, "engineer");
        const parent = await createToken(
          { db, actor: engineer },
          { name: "parent", scopes: ["tokens:manage", "runs:read"] },
        );
        const tokenActor = (await loadTokenActor(db, parent.secret))!;
        const before = await rowCounts(db);
        // runs:write is within the owner's role but not within the token's scopes.
        const error = await expectAppError(
          createToken({ db, actor: tokenActor }, { name: "child", scopes: ["runs:read", "runs:write"] }),
          "forbidden",
        );
        expect(error.details).toEqual({ scopes: ["runs:write"] });
        expect(await rowCounts(db)).toEqual(before);

        const child = await createToken({ db, actor: tokenActor }, { name: "child", scopes: ["runs:read"] });
        expect([...(await loadTokenActor(db, child.secret))!.permissions]).toEqual(["runs:read"]);
        const [audit] = (await auditOf(db, "token.create")).filter((a) => a.targetId === child.token.id);
        expect(audit?.actorLabel).toContain("(API token)");
      }),
    );

    it(
      "limits tokens to projects that exist (400 otherwise) and keeps a project-limited token's children inside them",
      isolated(async (db) => {
        const engineer = await actorWithRole(db, "engineer");
        const alpha = await insertProject(db, "alpha");
        const beta = await insertProject(db, "beta");
        const unknown = "00000000-0000-4000-8000-000000000000";
        const before = await rowCounts(db);
        await expectAppError(
          createToken(
            { db, actor: engineer },
            { name: "x", scopes: ["runs:read"], projectIds: [alpha.id, unknown] },
          ),
          "invalid_request",
        );
        await expectAppError(
          createToken(
            { db, actor: engineer },
            { name: "x", scopes: ["runs:read"], projectIds: ["not-a-uuid"] },
          ),
          "invalid_request",
        );
        expect(await rowCounts(db)).toEqual(before);

        const limited = await createToken(
          { db, actor: engineer },
          { name: "alpha only", scopes: ["tokens:manage", "runs:read"], projectIds: [alpha.id] },
        );
        expect(limited.token.projectIds).toEqual([alpha.id]);
        const limitedActor = (await loadTokenActor(db, limited.secret))!;
        expect(limitedActor.projectIds).toEqual([alpha.id]);

        // Omitted projects inherit the parent's limit; other projects read as unknown.
        const child = await createToken(
          { db, actor: limitedActor },
          { name: "child", scopes: ["runs:read"] },
        );
        expect(child.token.projectIds).toEqual([alpha.id]);
        await expectAppError(
          createToken(
            { db, actor: limitedActor },
            { name: "wider", scopes: ["runs:read"], projectIds: [beta.id] },
          ),
          "invalid_request",
        );
      }),
    );

    it(
      "validates name and expiry, and supports tokens that never expire",
      isolated(async (db) => {
        const viewer = await actorWithRole(db, "viewer");
        const ctx = { db, actor: viewer };
        await expectAppError(createToken(ctx, { name: " ", scopes: ["runs:read"] }), "invalid_request");
        await expectAppError(
          createToken(ctx, { name: "x".repeat(101), scopes: ["runs:read"] }),
          "invalid_request",
        );
        await expectAppError(createToken(ctx, { name: "x", scopes: [] }), "invalid_request");
        await expectAppError(
          createToken(ctx, { name: "x", scopes: ["runs:read"], expiresInDays: 366 }),
          "invalid_request",
        );
        await expectAppError(
          createToken(ctx, { name: "x", scopes: ["runs:read"], expiresInDays: 0 }),
          "invalid_request",
        );
        await expectAppError(
          createToken(ctx, { name: "x", scopes: ["nope:never" as "runs:read"] }),
          "invalid_request",
        );
        expect(await auditOf(db, "token.create")).toHaveLength(0);

        const forever = await createToken(ctx, {
          name: "forever",
          scopes: ["runs:read"],
          expiresInDays: null,
        });
        expect(forever.token.expiresAt).toBeNull();
        expect(await loadTokenActor(db, forever.secret, new Date("2100-01-01T00:00:00Z"))).not.toBeNull();
      }),
    );
  });

  describe("expiry and revocation", () => {
    it(
      "refuses a token once it has expired",
      isolated(async (db) => {
        const engineer = await actorWithRole(db, "engineer");
        const now = new Date("2030-01-01T00:00:00Z");
        const { secret } = await createToken(
          { db, actor: engineer, now },
          { name: "short", scopes: ["runs:read"], expiresInDays: 30 },
        );
        expect(await loadTokenActor(db, secret, new Date(now.getTime() + 30 * DAY_MS - 1))).not.toBeNull();
        expect(await loadTokenActor(db, secret, new Date(now.getTime() + 30 * DAY_MS))).toBeNull();
        const [listed] = await listTokens({
          db,
          actor: engineer,
          now: new Date(now.getTime() + 31 * DAY_MS),
        });
        expect(listed?.status).toBe("expired");
      }),
    );

    it(
      "revokes the caller's own token at once, idempotently, with one audit event",
      isolated(async (db) => {
        const engineer = await actorWithRole(db, "engineer");
        const { token, secret } = await createToken(
          { db, actor: engineer },
          { name: "ci", scopes: ["runs:read"] },
        );
        const revoked = await revokeToken({ db, actor: engineer }, { id: token.id });
        expect(revoked.status).toBe("revoked");
        expect(await loadTokenActor(db, secret)).toBeNull();
        const again = await revokeToken({ db, actor: engineer }, { id: token.id });
        expect(again.revokedAt).toEqual(revoked.revokedAt);
        const audit = await auditOf(db, "token.revoke");
        expect(audit).toHaveLength(1);
        expect(audit[0]).toMatchObject({ targetId: token.id, data: { name: "ci", prefix: token.prefix } });
        expect(JSON.stringify(audit[0])).not.toContain(secret);
      }),
    );

    it(
      "answers 404 to a non-admin for someone else's token, and leaves it working",
      isolated(async (db) => {
        const owner = await actorWithRole(db, "engineer");
        const other = await actorWithRole(db, "approver");
        const { token, secret } = await createToken(
          { db, actor: owner },
          { name: "mine", scopes: ["runs:read"] },
        );
        const before = await rowCounts(db);
        await expectAppError(revokeToken({ db, actor: other }, { id: token.id }), "not_found");
        await expectAppError(
          revokeToken({ db, actor: other }, { id: "00000000-0000-4000-8000-000000000000" }),
          "not_found",
        );
        expect(await rowCounts(db)).toEqual(before);
        expect(await loadTokenActor(db, secret)).not.toBeNull();
      }),
    );
  });
});
