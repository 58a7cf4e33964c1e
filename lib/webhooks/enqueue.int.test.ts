import { eq } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookDeliveries } from "@/lib/db/schema";
import { insertProject } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { createBoss } from "@/lib/jobs/boss";
import { githubExample } from "@/lib/providers/github/testing/examples";
import { normalizeEnqueuer, sendNormalize } from "./enqueue";
import { WEBHOOK_QUEUES } from "./queue-names";
import { declareWebhookQueues, registerWebhookWorkers } from "./register-workers";
import { storeDelivery } from "./store-delivery";
import { sweepPendingDeliveries } from "./sweep-pending";
import { insertCiConnection, insertDelivery, useWebhookTestKey } from "./testing/webhook-fixtures";

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;
type GlobalWithBoss = typeof globalThis & { __tandemBoss?: Promise<PgBoss> };

describeEachDatabase("webhook jobs", (kind) => {
  let handle: Handle;
  let projectId: string;

  beforeAll(async () => {
    useWebhookTestKey();
    handle = await createTestDatabase(kind);
    projectId = (await insertProject(handle.db)).id;
  });
  afterAll(() => handle.drop());

  const outcomeOf = async (id: number) =>
    (await handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)))[0]!.outcome;

  it("sweeps deliveries still pending after a minute, and only those", async () => {
    const { connection } = await insertCiConnection(handle.db, "github");
    const now = new Date();
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const stale = await insertDelivery(handle.db, connection.id, "workflow_run", {});
    const fresh = await insertDelivery(handle.db, connection.id, "workflow_run", {});
    const done = await insertDelivery(handle.db, connection.id, "workflow_run", {});
    await handle.db
      .update(webhookDeliveries)
      .set({ receivedAt: ago(120_000) })
      .where(eq(webhookDeliveries.id, stale.id));
    await handle.db
      .update(webhookDeliveries)
      .set({ receivedAt: ago(10_000) })
      .where(eq(webhookDeliveries.id, fresh.id));
    await handle.db
      .update(webhookDeliveries)
      .set({ receivedAt: ago(120_000), outcome: "processed" })
      .where(eq(webhookDeliveries.id, done.id));
    const sent: number[] = [];
    expect(await sweepPendingDeliveries(handle.db, async (id) => void sent.push(id), now)).toBe(1);
    expect(sent).toEqual([stale.id]);
  });

  it("leaves a delivery pending (for the sweeper) when no job queue runs", async () => {
    expect(await normalizeEnqueuer()).toBeNull();
  });

  describe("with pg-boss", () => {
    let boss: PgBoss;
    const holder = globalThis as GlobalWithBoss;

    beforeAll(async () => {
      boss = createBoss(handle);
      await boss.start();
      await declareWebhookQueues(boss);
      holder.__tandemBoss = Promise.resolve(boss);
    });
    afterAll(async () => {
      holder.__tandemBoss = undefined;
      await boss.stop({ graceful: false });
    });

    const jobsFor = (deliveryId: number) =>
      boss.findJobs(WEBHOOK_QUEUES.normalize.name, { data: { deliveryId } });

    it("enqueues the normalize job in the transaction that stores the delivery, once", async () => {
      const { connection } = await insertCiConnection(handle.db, "github");
      const input = {
        connectionId: connection.id,
        deliveryId: "enqueue-1",
        event: "workflow_run",
        headers: {},
        body: "{}",
        disposition: "accepted" as const,
      };
      const id = await storeDelivery(handle.db, input, await normalizeEnqueuer());
      expect(id).toEqual(expect.any(Number));
      expect(await jobsFor(id!)).toHaveLength(1);
      // A provider retry stores nothing and enqueues nothing; a second send while queued is absorbed.
      expect(await storeDelivery(handle.db, input, await normalizeEnqueuer())).toBeNull();
      await sendNormalize(boss, null, id!);
      expect(await jobsFor(id!)).toHaveLength(1);
    });

    it("normalizes enqueued deliveries in the worker", async () => {
      const { connection } = await insertCiConnection(handle.db, "github", {
        config: { repositories: [], defaultProjectId: projectId },
      });
      const body = JSON.stringify(
        githubExample("workflow_run", (e) => e.workflow_run.conclusion === "success"),
      );
      const id = await storeDelivery(
        handle.db,
        {
          connectionId: connection.id,
          deliveryId: "worker-1",
          event: "workflow_run",
          headers: {},
          body,
          disposition: "accepted",
        },
        await normalizeEnqueuer(),
      );
      await registerWebhookWorkers(boss, handle.db);
      const deadline = Date.now() + 20_000;
      while ((await outcomeOf(id!)) === "pending" && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(await outcomeOf(id!)).toBe("processed");
    });
  });
});
