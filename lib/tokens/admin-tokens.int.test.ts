import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadTokenActor } from "@/lib/auth/api-token";
import type { DatabaseHandle } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import { expectAppError } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { actorWithRole, inRollback } from "@/lib/users/testing";
import { createToken } from "./create-token";
import { listTokens } from "./list-tokens";
import { revokeToken } from "./revoke-token";

describeEachDatabase("an admin and someone else's API tokens", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());

  it("lists and revokes another person's leaked token, recording whose it was", () =>
    inRollback(handle.db, async (db) => {
      const [engineer, admin] = [await actorWithRole(db, "engineer"), await actorWithRole(db, "admin")];
      const { token, secret } = await createToken(
        { db, actor: engineer },
        { name: "leaked", scopes: ["runs:read"] },
      );

      const listed = await listTokens({ db, actor: admin }, { userId: engineer.userId });
      expect(listed.map((t) => t.id)).toEqual([token.id]);
      expect(await listTokens({ db, actor: admin })).toEqual([]);

      const revoked = await revokeToken({ db, actor: admin }, { id: token.id });
      expect(revoked.status).toBe("revoked");
      expect(await loadTokenActor(db, secret)).toBeNull();
      const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.action, "token.revoke"));
      expect(audit).toMatchObject({ actorUserId: admin.userId, data: { ownerUserId: engineer.userId } });
    }));

  it("refuses the same to anyone who does not manage users", () =>
    inRollback(handle.db, async (db) => {
      const [owner, other] = [await actorWithRole(db, "engineer"), await actorWithRole(db, "approver")];
      const { token, secret } = await createToken(
        { db, actor: owner },
        { name: "mine", scopes: ["runs:read"] },
      );
      await expectAppError(listTokens({ db, actor: other }, { userId: owner.userId }), "forbidden");
      await expectAppError(revokeToken({ db, actor: other }, { id: token.id }), "not_found");
      expect(await loadTokenActor(db, secret)).not.toBeNull();
    }));
});
