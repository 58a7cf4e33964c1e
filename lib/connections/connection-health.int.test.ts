import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import { webhookDeliveries } from "@/lib/db/schema";
import {
  actorWithRole,
  allPages,
  expectAppError,
  inRollback,
  insertProject,
  minutesAfter,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { createConnection } from "./create-connection";
import { getConnectionHealth } from "./get-connection-health";
import { listDeliveries } from "./list-deliveries";
import { testConnection } from "./test-connection";
import { startFakeGitHub } from "./testing/fake-github";
import type { FakeServer } from "./testing/fake-http";
import { useTestEncryptionKey } from "./testing/use-test-encryption-key";
import { updateConnection } from "./update-connection";

const NOW = new Date("2026-03-02T12:00:00.000Z");

describeEachDatabase("connection health, deliveries and test", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  let github: FakeServer & { baseUrl: string };
  beforeAll(async () => {
    useTestEncryptionKey();
    handle = await createTestDatabase(kind);
    github = await startFakeGitHub({ token: "ghp_stored", repositories: { "acme/api": 2 } });
  });
  afterAll(async () => {
    await github?.close();
    await handle?.drop();
  });

  async function connectionIn(db: Executor, baseUrl?: string) {
    const ctx = { db, actor: await actorWithRole(db, "admin"), now: NOW };
    const { connection } = await createConnection(ctx, {
      kind: "github",
      name: "GitHub",
      baseUrl,
      token: "ghp_stored",
      config: { repositories: [] },
    });
    return { ctx, id: connection.id };
  }

  async function deliver(
    db: Executor,
    connectionId: string,
    minutesAgo: number,
    outcome: "processed" | "failed",
  ) {
    await db.insert(webhookDeliveries).values({
      connectionId,
      deliveryId: `d-${minutesAgo}-${outcome}`,
      event: "workflow_run",
      body: '{"secret":"payload"}',
      outcome,
      error: outcome === "failed" ? "no project for acme/x" : null,
      receivedAt: minutesAfter(NOW, -minutesAgo),
    });
  }

  it("counts the last 24 hours of deliveries by outcome and finds the last delivery", () =>
    inRollback(handle.db, async (db) => {
      const { ctx, id } = await connectionIn(db);
      const empty = await getConnectionHealth(ctx, { id });
      expect(empty).toMatchObject({ lastDeliveryAt: null, last24h: { total: 0, processed: 0 } });
      await deliver(db, id, 5, "processed");
      await deliver(db, id, 60, "processed");
      await deliver(db, id, 90, "failed");
      await deliver(db, id, 25 * 60, "failed");
      const health = await getConnectionHealth(ctx, { id });
      expect(health.last24h).toEqual({ pending: 0, processed: 2, ignored: 0, failed: 1, total: 3 });
      expect(health.lastDeliveryAt?.toISOString()).toBe(minutesAfter(NOW, -5).toISOString());
    }));

  it("pages the delivery log newest first without bodies or headers", () =>
    inRollback(handle.db, async (db) => {
      const { ctx, id } = await connectionIn(db);
      for (const minutes of [1, 2, 3, 4, 5]) await deliver(db, id, minutes, "processed");
      const pages = await allPages((cursor) => listDeliveries(ctx, { id, cursor, limit: 2 }));
      expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
      const items = pages.flat();
      expect(items.map((d) => d.deliveryId)).toEqual([1, 2, 3, 4, 5].map((m) => `d-${m}-processed`));
      expect(items[0]).not.toHaveProperty("body");
      expect(items[0]).not.toHaveProperty("headers");
      await expectAppError(listDeliveries(ctx, { id, cursor: "garbage" }), "invalid_request");
      const viewer = { db, actor: await actorWithRole(db, "engineer") };
      await expectAppError(listDeliveries(viewer, { id }), "forbidden");
      await expectAppError(getConnectionHealth(viewer, { id }), "forbidden");
    }));

  it("tests a stored connection against the provider with its sealed token", () =>
    inRollback(handle.db, async (db) => {
      const { ctx, id } = await connectionIn(db, github.baseUrl);
      const project = await insertProject(db);
      await updateConnection(ctx, {
        id,
        config: { repositories: [{ name: "acme/api", projectId: project.id }] },
      });
      const result = await testConnection(ctx, { id });
      expect(result).toMatchObject({ ok: true, account: "octocat", error: null });
      expect(result.findings[1]).toEqual({
        name: "acme/api",
        ok: true,
        detail: "public repository, 2 workflows",
      });
      const refused = await connectionIn(db, github.baseUrl);
      await updateConnection(refused.ctx, { id: refused.id, token: "ghp_revoked" });
      expect(await testConnection(refused.ctx, { id: refused.id })).toMatchObject({
        ok: false,
        error: "the token was refused by GitHub",
      });
      const engineer = { db, actor: await actorWithRole(db, "engineer") };
      await expectAppError(testConnection(engineer, { id }), "forbidden");
    }));
});
