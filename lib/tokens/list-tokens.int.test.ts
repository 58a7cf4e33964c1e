import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { actorWithRole, inRollback } from "@/lib/users/testing";
import { createToken } from "./create-token";
import { listTokens } from "./list-tokens";
import { revokeToken } from "./revoke-token";

describeEachDatabase("listing api tokens", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());

  describe("listTokens", () => {
    it("lists only the caller's own tokens, never the hash, and hides revoked ones unless asked", () =>
      inRollback(handle.db, async (db) => {
        const me = await actorWithRole(db, "engineer");
        const other = await actorWithRole(db, "engineer");
        const kept = await createToken({ db, actor: me }, { name: "kept", scopes: ["runs:read"] });
        const gone = await createToken({ db, actor: me }, { name: "gone", scopes: ["runs:read"] });
        await createToken({ db, actor: other }, { name: "theirs", scopes: ["runs:read"] });
        await revokeToken({ db, actor: me }, { id: gone.token.id });

        const listed = await listTokens({ db, actor: me });
        expect(listed.map((t) => t.name)).toEqual(["kept"]);
        expect(listed[0]).toMatchObject({ id: kept.token.id, status: "active", prefix: kept.token.prefix });
        const all = await listTokens({ db, actor: me }, { includeRevoked: true });
        expect(all.map((t) => t.name).sort()).toEqual(["gone", "kept"]);
        for (const token of all) {
          expect(token).not.toHaveProperty("tokenHash");
          expect(JSON.stringify(token)).not.toContain(kept.secret);
        }
      }));
  });
});
