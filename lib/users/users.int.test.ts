import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError, type ErrorCode } from "@/lib/api/errors";
import { type Actor, loadSessionActor } from "@/lib/auth/actor";
import { loadTokenActor } from "@/lib/auth/api-token";
import { verifyPassword } from "@/lib/auth/password";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import { auditEvents, users } from "@/lib/db/schema";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { createToken } from "@/lib/tokens/create-token";
import { createUser } from "./create-user";
import { listUsers } from "./list-users";
import { actorWithRole, inRollback, insertUser } from "./testing";
import { updateUser } from "./update-user";

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
  const [u] = await db.select({ n: count() }).from(users);
  const [a] = await db.select({ n: count() }).from(auditEvents);
  return { users: u?.n ?? 0, audit: a?.n ?? 0 };
}

function auditOf(db: Executor, action: string) {
  return db.select().from(auditEvents).where(eq(auditEvents.action, action));
}

const validUser = {
  email: "new.person@example.test",
  name: "New Person",
  role: "engineer",
  password: "correct horse battery",
} as const;

describeEachDatabase("users", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());

  describe("createUser", () => {
    it("refuses a viewer (403) and writes nothing", () =>
      inRollback(handle.db, async (db) => {
        const viewer = await actorWithRole(db, "viewer");
        const before = await rowCounts(db);
        const error = await expectAppError(createUser({ db, actor: viewer }, validUser), "forbidden");
        expect(error.status).toBe(403);
        expect(await rowCounts(db)).toEqual(before);
      }));

    it("lets an admin add a user with a hashed password and audits it without the password", () =>
      inRollback(handle.db, async (db) => {
        const admin = await actorWithRole(db, "admin");
        const user = await createUser(
          { db, actor: admin },
          { ...validUser, email: "  New.Person@Example.TEST " },
        );
        expect(user).toMatchObject({
          email: "new.person@example.test",
          name: "New Person",
          role: "engineer",
        });
        expect(user).not.toHaveProperty("passwordHash");
        const [row] = await db.select().from(users).where(eq(users.id, user.id));
        expect(row?.passwordHash).toBeTruthy();
        expect(row?.passwordHash).not.toContain(validUser.password);
        expect(await verifyPassword(validUser.password, row!.passwordHash!)).toBe(true);
        const audit = await auditOf(db, "user.create");
        expect(audit).toHaveLength(1);
        expect(audit[0]).toMatchObject({ actorUserId: admin.userId, targetType: "user", targetId: user.id });
        expect(JSON.stringify(audit[0]?.data)).not.toContain(validUser.password);
        expect(await loadSessionActor(db, user.id)).toMatchObject({ role: "engineer", via: "session" });
      }));

    it("answers 409 for an email already in use in any letter case, and writes nothing", () =>
      inRollback(handle.db, async (db) => {
        const admin = await actorWithRole(db, "admin");
        await insertUser(db, { email: "Taken@Example.test" });
        const before = await rowCounts(db);
        for (const email of ["taken@example.test", "TAKEN@EXAMPLE.TEST", "Taken@Example.test"]) {
          const error = await expectAppError(
            createUser({ db, actor: admin }, { ...validUser, email }),
            "conflict",
          );
          expect(error.status).toBe(409);
          expect(error.message).toContain("already exists");
        }
        expect(await rowCounts(db)).toEqual(before);
      }));

    it("rejects a short password and a bad email with 400 naming the fields", () =>
      inRollback(handle.db, async (db) => {
        const admin = await actorWithRole(db, "admin");
        const error = await expectAppError(
          createUser({ db, actor: admin }, { ...validUser, email: "not-an-email", password: "short" }),
          "invalid_request",
        );
        const fields = (error.details as { fields: { path: string }[] }).fields.map((f) => f.path);
        expect(fields).toEqual(expect.arrayContaining(["email", "password"]));
        expect(await auditOf(db, "user.create")).toHaveLength(0);
      }));
  });

  describe("listUsers", () => {
    it("shows admins every user without password hashes, and refuses others", () =>
      inRollback(handle.db, async (db) => {
        const admin = await actorWithRole(db, "admin");
        const engineer = await actorWithRole(db, "engineer");
        const page = await listUsers({ db, actor: admin }, {});
        expect(page.items.map((u) => u.id)).toEqual(expect.arrayContaining([admin.userId, engineer.userId]));
        for (const item of page.items) {
          expect(Object.keys(item).sort()).toEqual(
            ["createdAt", "disabledAt", "email", "id", "lastSignInAt", "name", "role"].sort(),
          );
        }
        await expectAppError(listUsers({ db, actor: engineer }, {}), "forbidden");
      }));

    it("pages through users created in the same microsecond without skipping any", () =>
      inRollback(handle.db, async (db) => {
        const admin = await actorWithRole(db, "admin");
        await db
          .insert(users)
          .values([1, 2, 3, 4, 5].map((i) => ({ email: `batch${i}@example.test`, name: `Batch ${i}` })));
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await listUsers({ db, actor: admin }, { limit: 2, cursor });
          seen.push(...page.items.map((u) => u.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        const [total] = await db.select({ n: count() }).from(users);
        expect(new Set(seen).size).toBe(total?.n);
        expect(seen).toHaveLength(total!.n);
      }));
  });

  describe("updateUser", () => {
    it("changes a role and audits before and after", () =>
      inRollback(handle.db, async (db) => {
        const admin = await actorWithRole(db, "admin");
        const target = await insertUser(db, { role: "engineer" });
        const updated = await updateUser({ db, actor: admin }, { id: target.id, role: "approver" });
        expect(updated.role).toBe("approver");
        const audit = await auditOf(db, "user.update");
        expect(audit).toHaveLength(1);
        expect(audit[0]?.data).toMatchObject({
          before: { role: "engineer", disabled: false },
          after: { role: "approver", disabled: false },
        });
      }));

    it("refuses non-admins and writes nothing", () =>
      inRollback(handle.db, async (db) => {
        const approver = await actorWithRole(db, "approver");
        const target = await insertUser(db, { role: "viewer" });
        await expectAppError(
          updateUser({ db, actor: approver }, { id: target.id, role: "admin" }),
          "forbidden",
        );
        const [row] = await db.select().from(users).where(eq(users.id, target.id));
        expect(row?.role).toBe("viewer");
        expect(await auditOf(db, "user.update")).toHaveLength(0);
      }));

    it("answers 404 for an unknown user and 400 for an empty change", () =>
      inRollback(handle.db, async (db) => {
        const admin = await actorWithRole(db, "admin");
        await expectAppError(
          updateUser({ db, actor: admin }, { id: "00000000-0000-4000-8000-000000000000", role: "viewer" }),
          "not_found",
        );
        await expectAppError(updateUser({ db, actor: admin }, { id: admin.userId }), "invalid_request");
      }));

    it("does not let an admin disable or demote themself (409)", () =>
      inRollback(handle.db, async (db) => {
        const admin = await actorWithRole(db, "admin");
        await actorWithRole(db, "admin"); // another admin exists, so only the self rule applies
        await expectAppError(
          updateUser({ db, actor: admin }, { id: admin.userId, disabled: true }),
          "conflict",
        );
        await expectAppError(
          updateUser({ db, actor: admin }, { id: admin.userId, role: "approver" }),
          "conflict",
        );
        expect(await auditOf(db, "user.update")).toHaveLength(0);
      }));

    it("keeps the last enabled admin an enabled admin (409) and allows it while another admin remains", () =>
      inRollback(handle.db, async (db) => {
        const first = await actorWithRole(db, "admin");
        const second = await actorWithRole(db, "admin");
        // Two admins: one may demote the other.
        await updateUser({ db, actor: first }, { id: second.userId, role: "engineer" });
        // `second` acted through a stale session while still admin; `first` is now the last admin.
        const staleSecond: Actor = { ...second };
        for (const change of [{ role: "approver" as const }, { disabled: true }]) {
          const error = await expectAppError(
            updateUser({ db, actor: staleSecond }, { id: first.userId, ...change }),
            "conflict",
          );
          expect(error.message).toContain("last enabled admin");
        }
        const [row] = await db.select().from(users).where(eq(users.id, first.userId));
        expect(row).toMatchObject({ role: "admin", disabledAt: null });
        expect(await auditOf(db, "user.update")).toHaveLength(1);
      }));

    it("disabling a user stops their session and their tokens; enabling restores both", () =>
      inRollback(handle.db, async (db) => {
        const admin = await actorWithRole(db, "admin");
        const engineer = await actorWithRole(db, "engineer");
        const { secret } = await createToken({ db, actor: engineer }, { name: "ci", scopes: ["runs:write"] });
        expect(await loadTokenActor(db, secret)).not.toBeNull();

        const disabled = await updateUser({ db, actor: admin }, { id: engineer.userId, disabled: true });
        expect(disabled.disabledAt).toBeInstanceOf(Date);
        expect(await loadSessionActor(db, engineer.userId)).toBeNull();
        expect(await loadTokenActor(db, secret)).toBeNull();
        const [audit] = await auditOf(db, "user.update");
        expect(audit?.data).toMatchObject({ before: { disabled: false }, after: { disabled: true } });

        await updateUser({ db, actor: admin }, { id: engineer.userId, disabled: false });
        expect(await loadSessionActor(db, engineer.userId)).not.toBeNull();
        expect(await loadTokenActor(db, secret)).not.toBeNull();
      }));

    it("narrows an existing token's effective permissions as soon as the role changes", () =>
      inRollback(handle.db, async (db) => {
        const admin = await actorWithRole(db, "admin");
        const engineer = await actorWithRole(db, "engineer");
        const { secret } = await createToken(
          { db, actor: engineer },
          { name: "deploys", scopes: ["runs:read", "runs:write", "deployments:write"] },
        );
        expect([...(await loadTokenActor(db, secret))!.permissions].sort()).toEqual([
          "deployments:write",
          "runs:read",
          "runs:write",
        ]);
        await updateUser({ db, actor: admin }, { id: engineer.userId, role: "viewer" });
        const narrowed = await loadTokenActor(db, secret);
        expect(narrowed?.role).toBe("viewer");
        expect([...narrowed!.permissions]).toEqual(["runs:read"]);
      }));

    it("does nothing, and audits nothing, when the values are already as asked", () =>
      inRollback(handle.db, async (db) => {
        const admin = await actorWithRole(db, "admin");
        const target = await insertUser(db, { role: "engineer" });
        await updateUser({ db, actor: admin }, { id: target.id, role: "engineer", disabled: false });
        expect(await auditOf(db, "user.update")).toHaveLength(0);
      }));
  });

  it("two admins disabling each other at once leave one enabled admin", async () => {
    // Real concurrency needs committed rows, so this test has a database of its own.
    const own = await createTestDatabase(kind);
    try {
      const a = await actorWithRole(own.db, "admin");
      const b = await actorWithRole(own.db, "admin");
      const results = await Promise.allSettled([
        updateUser({ db: own.db, actor: a }, { id: b.userId, disabled: true }),
        updateUser({ db: own.db, actor: b }, { id: a.userId, disabled: true }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected");
      expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
      const enabledAdmins = await own.db.select().from(users).where(eq(users.role, "admin"));
      expect(enabledAdmins.filter((u) => u.disabledAt === null)).toHaveLength(1);
    } finally {
      await own.drop();
    }
  });
});
