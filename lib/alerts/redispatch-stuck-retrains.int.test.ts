import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import {
  type FakeDeployProviders,
  startFakeDeployProviders,
} from "@/lib/connections/testing/fake-deploy-providers";
import { insertProviderConnection } from "@/lib/connections/testing/insert-provider-connection";
import { useTestEncryptionKey } from "@/lib/connections/testing/use-test-encryption-key";
import type { DatabaseHandle } from "@/lib/db/client";
import { retrainTriggers } from "@/lib/db/schema";
import { insertAlertRule, insertProject } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { redispatchStuckRetrains, STUCK_AFTER_MS } from "./redispatch-stuck-retrains";

describeEachDatabase("re-dispatching stuck retrain triggers", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  let fake: FakeDeployProviders;
  let ruleId: string;
  let connectionId: string;
  const now = new Date();
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const dispatches = () => fake.calls.filter((c) => c.path.endsWith("/dispatches"));

  beforeAll(async () => {
    useTestEncryptionKey();
    handle = await createTestDatabase(kind);
    fake = await startFakeDeployProviders();
    const project = await insertProject(handle.db);
    const connection = await insertProviderConnection(handle.db, "github", fake.githubUrl);
    connectionId = connection.id;
    const rule = await insertAlertRule(handle.db, project.id, {
      retrain: {
        connectionId,
        kind: "github_workflow_dispatch",
        repository: "acme/ml",
        workflow: "train.yml",
        ref: "main",
        inputs: { model: "fraud" },
        cooldownMinutes: 0,
      },
    });
    ruleId = rule.id;
  });
  afterAll(async () => {
    await fake?.close();
    await handle?.drop();
  });
  beforeEach(async () => {
    // Each test sees only its own triggers and calls.
    await handle.db.delete(retrainTriggers);
    fake.calls.length = 0;
  });

  async function trigger(createdAt: Date, values: Partial<typeof retrainTriggers.$inferInsert> = {}) {
    const [row] = await handle.db
      .insert(retrainTriggers)
      .values({ ruleId, connectionId, status: "dispatched", createdAt, updatedAt: createdAt, ...values })
      .returning();
    return row!;
  }
  const read = async (id: string) =>
    (await handle.db.select().from(retrainTriggers).where(eq(retrainTriggers.id, id)))[0]!;

  it("re-sends a trigger that never reached the provider, exactly once", async () => {
    const stuck = await trigger(ago(STUCK_AFTER_MS + 60_000));
    expect(await redispatchStuckRetrains(handle.db, now)).toBe(1);
    expect(dispatches()).toHaveLength(1);
    expect(dispatches()[0]!.body).toMatchObject({ ref: "main", inputs: { model: "fraud" } });
    const after = await read(stuck.id);
    expect(after).toMatchObject({ status: "dispatched", error: null });
    expect(after.externalRef.runId).toBeTypeOf("number");

    // The next ticks find its external ref and leave it alone.
    expect(await redispatchStuckRetrains(handle.db, now)).toBe(0);
    expect(await redispatchStuckRetrains(handle.db, new Date(now.getTime() + 60_000))).toBe(0);
    expect(dispatches()).toHaveLength(1);
  });

  it("leaves a fresh trigger to its own dispatch", async () => {
    const fresh = await trigger(ago(30_000));
    expect(await redispatchStuckRetrains(handle.db, now)).toBe(0);
    expect(dispatches()).toHaveLength(0);
    expect((await read(fresh.id)).externalRef).toEqual({});
  });

  it("never re-sends a trigger that has its external ref, or failed", async () => {
    const old = ago(STUCK_AFTER_MS * 3);
    const sent = await trigger(old, { externalRef: { runId: 77, workflow: "train.yml", ref: "main" } });
    const refused = await trigger(old, { status: "failed", error: "Unexpected inputs provided" });
    const errored = await trigger(old, { error: "Promotion not requested: nobody" });
    expect(await redispatchStuckRetrains(handle.db, now)).toBe(0);
    expect(dispatches()).toHaveLength(0);
    expect((await read(sent.id)).externalRef).toEqual({ runId: 77, workflow: "train.yml", ref: "main" });
    expect(await read(refused.id)).toMatchObject({ status: "failed", externalRef: {} });
    expect(await read(errored.id)).toMatchObject({ status: "dispatched", externalRef: {} });
  });

  it("marks a re-sent trigger failed with the provider's words when it is refused", async () => {
    const stuck = await trigger(ago(STUCK_AFTER_MS + 60_000));
    fake.failNext(/dispatches$/, 422, 1, "Unexpected inputs provided");
    expect(await redispatchStuckRetrains(handle.db, now)).toBe(0);
    expect(await read(stuck.id)).toMatchObject({ status: "failed", externalRef: {} });
    expect((await read(stuck.id)).error).toMatch(/Unexpected inputs/);
    expect(await redispatchStuckRetrains(handle.db, now)).toBe(0);
    expect(dispatches()).toHaveLength(1);
  });

  it("skips a dispatch still in flight, then sends it once when its lease runs out", async () => {
    // Another instance took the lease a minute ago and is still waiting for the provider.
    const stuck = await trigger(ago(STUCK_AFTER_MS + 60_000), { updatedAt: ago(60_000) });
    expect(await redispatchStuckRetrains(handle.db, now)).toBe(0);
    expect(dispatches()).toHaveLength(0);
    // That instance died: five minutes on, the lease has expired and the trigger is sent again.
    const later = new Date(now.getTime() + STUCK_AFTER_MS);
    expect(await redispatchStuckRetrains(handle.db, later)).toBe(1);
    expect(dispatches()).toHaveLength(1);
    expect((await read(stuck.id)).externalRef.runId).toBeTypeOf("number");
  });

  it.skipIf(kind === "pglite")(
    // PGlite serves one connection, so ticks cannot overlap there; the race needs real Postgres.
    "sends a lost trigger once when several instances' ticks run at once",
    async () => {
      const stuck = await trigger(ago(STUCK_AFTER_MS + 60_000));
      const counts = await Promise.all(
        Array.from({ length: 4 }, () => redispatchStuckRetrains(handle.db, now)),
      );
      expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
      expect(dispatches()).toHaveLength(1);
      expect((await read(stuck.id)).externalRef.runId).toBeTypeOf("number");
    },
  );
});
