import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import { connections } from "@/lib/db/schema";
import { expectAppError, inRollback, testActor } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import {
  beginSync,
  failSync,
  finishSync,
  listSyncStates,
  recordProgress,
  recordRateLimit,
} from "./sync-state";

describeEachDatabase("sync state", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await handle?.drop();
  });

  async function insertConnection(db: Executor) {
    const [row] = await db
      .insert(connections)
      .values({ kind: "github", name: "GitHub", baseUrl: "https://api.github.com" })
      .returning();
    if (!row) throw new Error("no connection");
    return row;
  }

  it("begins, records progress, and a crashed pass resumes from its cursor and counts", () =>
    inRollback(handle.db, async (db) => {
      const connection = await insertConnection(db);
      const first = await beginSync(db, connection.id, "runs:acme/api", { itemsTotal: 10 });
      expect(first).toMatchObject({ status: "running", cursor: {}, itemsDone: 0, itemsTotal: 10 });
      expect(first.startedAt).toBeInstanceOf(Date);
      await recordProgress(db, first.id, { itemsDone: 4, cursor: { page: 3 } });
      // The process dies here; the next pass finds the cursor and the count.
      const resumed = await beginSync(db, connection.id, "runs:acme/api");
      expect(resumed).toMatchObject({ id: first.id, cursor: { page: 3 }, itemsDone: 4, itemsTotal: 10 });
    }));

  it("finishes cleanly, clears the error, and a later pass starts its counts again", () =>
    inRollback(handle.db, async (db) => {
      const connection = await insertConnection(db);
      const state = await beginSync(db, connection.id, "runs:acme/api");
      await failSync(db, state.id, "GitHub answered 500");
      const [failed] = await listSyncStates({ db, actor: testActor("admin") }, connection.id);
      expect(failed).toMatchObject({ status: "failed", error: "GitHub answered 500" });

      const again = await beginSync(db, connection.id, "runs:acme/api");
      await recordProgress(db, again.id, { itemsDone: 7, itemsTotal: 7, cursor: { page: 2 } });
      await finishSync(db, again.id, { cursor: { etag: '"abc"' } });
      const [done] = await listSyncStates({ db, actor: testActor("admin") }, connection.id);
      expect(done).toMatchObject({ status: "idle", error: null, itemsDone: 7, cursor: { etag: '"abc"' } });
      expect(done?.lastSuccessAt).toBeInstanceOf(Date);
      const [row] = await db.select().from(connections).where(eq(connections.id, connection.id));
      expect(row?.lastSyncAt).toBeInstanceOf(Date);

      const next = await beginSync(db, connection.id, "runs:acme/api");
      expect(next).toMatchObject({ itemsDone: 0, itemsTotal: null, cursor: { etag: '"abc"' } });
    }));

  it("lists states per scope, only for readers, and 404s an unknown connection", () =>
    inRollback(handle.db, async (db) => {
      const connection = await insertConnection(db);
      await beginSync(db, connection.id, "runs:b");
      await beginSync(db, connection.id, "deployments:a");
      const states = await listSyncStates({ db, actor: testActor("admin") }, connection.id);
      expect(states.map((s) => s.scope)).toEqual(["deployments:a", "runs:b"]);
      await expectAppError(listSyncStates({ db, actor: testActor("viewer") }, connection.id), "forbidden");
      await expectAppError(
        listSyncStates({ db, actor: testActor("admin") }, "00000000-0000-4000-8000-000000000000"),
        "not_found",
      );
    }));

  it("records rate-limit headroom on the connection", () =>
    inRollback(handle.db, async (db) => {
      const connection = await insertConnection(db);
      const resetAt = new Date("2026-03-02T14:05:00.000Z");
      await recordRateLimit(db, connection.id, { limit: 5000, remaining: 4812, resetAt });
      const [row] = await db.select().from(connections).where(eq(connections.id, connection.id));
      expect(row).toMatchObject({
        rateLimitLimit: 5000,
        rateLimitRemaining: 4812,
        rateLimitResetAt: resetAt,
      });
    }));
});
