import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseHandle } from "@/lib/db";
import { webhookDeliveries } from "@/lib/db/schema";
import { insertProject } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { createBoss } from "@/lib/jobs/boss";
import { githubExample } from "@/lib/providers/github/testing/examples";
import { githubWebhook } from "@/lib/providers/github/webhook";
import { sendDrain } from "./enqueue";
import { drainJobKey, WEBHOOK_QUEUES } from "./queue-names";
import { receiveDelivery } from "./receive-delivery";
import { declareWebhookQueues, registerWebhookWorkers } from "./register-workers";
import { type DeliveryToStore, storeDelivery } from "./store-delivery";
import {
  githubRequest,
  insertCiConnection,
  insertDelivery,
  useWebhookTestKey,
} from "./testing/webhook-fixtures";
import { drainWaker } from "./wake-drain";

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;
type GlobalWithBoss = typeof globalThis & { __tandemBoss?: Promise<PgBoss> };

describeEachDatabase("webhook jobs", (kind) => {
  let handle: Handle;
  let projectId: string;

  beforeAll(async () => {
    useWebhookTestKey();
    handle = await createTestDatabase(kind);
    useDatabaseHandle(handle);
    projectId = (await insertProject(handle.db)).id;
  });
  afterAll(() => handle.drop());

  const outcomeOf = async (id: number) =>
    (await handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)))[0]!.outcome;
  const completedRun = (runId: number, repository = "octo-org/octo-repo") => {
    const body = githubExample("workflow_run", (e) => e.workflow_run.conclusion === "success");
    body.workflow_run.id = runId;
    body.repository.full_name = repository;
    return JSON.stringify(body);
  };
  const accepted = (connectionId: string, deliveryId: string, body = "{}"): DeliveryToStore => ({
    connectionId,
    deliveryId,
    event: "workflow_run",
    headers: {},
    body,
    disposition: "accepted",
  });
  /** Waits until the delivery leaves `pending`, for at most `ms`. */
  const settled = async (id: number, ms = 20_000) => {
    const deadline = Date.now() + ms;
    while ((await outcomeOf(id)) === "pending" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return outcomeOf(id);
  };

  it("wakes a drain only for a new accepted delivery, after storing it in one statement", async () => {
    const { connection } = await insertCiConnection(handle.db, "github");
    const woken: string[] = [];
    const wake = (id: string) => void woken.push(id);
    const id = await storeDelivery(handle.db, accepted(connection.id, "store-1"), wake);
    expect(id).toEqual(expect.any(Number));
    expect(await outcomeOf(id!)).toBe("pending");
    expect(woken).toEqual([connection.id]);
    // A provider retry stores and wakes nothing; ignored events and pings have nothing to normalize.
    expect(await storeDelivery(handle.db, accepted(connection.id, "store-1"), wake)).toBeNull();
    await storeDelivery(handle.db, { ...accepted(connection.id, "store-2"), disposition: "ignored" }, wake);
    await storeDelivery(handle.db, { ...accepted(connection.id, "store-3"), disposition: "ping" }, wake);
    expect(woken).toEqual([connection.id]);
  });

  it("sends nothing, and leaves the delivery pending for the sweeper, when no job queue runs", async () => {
    const { connection } = await insertCiConnection(handle.db, "github");
    const id = await storeDelivery(handle.db, accepted(connection.id, "no-queue"), drainWaker.wake);
    await drainWaker.flush();
    expect(await outcomeOf(id!)).toBe("pending");
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

    const drainJobs = (connectionId: string) =>
      boss.findJobs(WEBHOOK_QUEUES.drain.name, { key: drainJobKey(connectionId), queued: true });

    it("coalesces the wake-ups of a burst into one queued drain per connection", async () => {
      const { connection } = await insertCiConnection(handle.db, "github");
      const { connection: other } = await insertCiConnection(handle.db, "github");
      for (const n of [1, 2, 3]) {
        await storeDelivery(handle.db, accepted(connection.id, `burst-${n}`), drainWaker.wake);
      }
      await storeDelivery(handle.db, accepted(other.id, "burst-other"), drainWaker.wake);
      await drainWaker.flush();
      expect(await drainJobs(connection.id)).toHaveLength(1);
      expect(await drainJobs(other.id)).toHaveLength(1);
      // While one is queued, a further send is absorbed: the queued one has not started yet.
      expect(await sendDrain(boss, connection.id)).toBe(false);
      expect(await drainJobs(connection.id)).toHaveLength(1);
    });

    describe("with workers", () => {
      beforeAll(() => registerWebhookWorkers(boss, handle.db));

      it("normalizes woken deliveries in the drain worker", async () => {
        const { connection } = await insertCiConnection(handle.db, "github", {
          config: { repositories: [], defaultProjectId: projectId },
        });
        const ids = [];
        for (const n of [1, 2]) {
          ids.push(
            await storeDelivery(
              handle.db,
              accepted(connection.id, `worker-${n}`, completedRun(990000 + n)),
              drainWaker.wake,
            ),
          );
        }
        for (const id of ids) expect(await settled(id!)).toBe("processed");
      });

      it("normalizes what the route acknowledged, with no further call", async () => {
        const { connection, secret } = await insertCiConnection(handle.db, "github", {
          config: { repositories: [], defaultProjectId: projectId },
        });
        const response = await receiveDelivery(
          githubRequest(connection.id, secret, "workflow_run", completedRun(990051)),
          githubWebhook,
          connection.id,
        );
        expect(response.status).toBe(202);
        expect(await settled((await response.json()).delivery)).toBe("processed");
      });

      it("normalizes within seconds a delivery stored without any wake-up (the workers' own sweep)", async () => {
        const { connection } = await insertCiConnection(handle.db, "github", {
          config: { repositories: [], defaultProjectId: projectId },
        });
        // As if the process died between the commit and its wake-up: no job was ever sent.
        const row = await insertDelivery(handle.db, connection.id, "workflow_run", completedRun(990101));
        expect(await drainJobs(connection.id)).toHaveLength(0);
        expect(await settled(row.id, 30_000)).toBe("processed");
      });

      it("hands a delivery that threw to its own retried job without holding up the next ones", async () => {
        // Its repository maps to a project that does not exist: the run insert breaks a foreign key.
        const { connection } = await insertCiConnection(handle.db, "github", {
          config: {
            repositories: [{ name: "octo-org/octo-repo", projectId: randomUUID() }],
            defaultProjectId: projectId,
          },
        });
        const broken = await storeDelivery(
          handle.db,
          accepted(connection.id, "broken", completedRun(990201)),
          drainWaker.wake,
        );
        const next = await storeDelivery(
          handle.db,
          accepted(connection.id, "next", completedRun(990202, "octo-org/elsewhere")),
          drainWaker.wake,
        );
        expect(await settled(next!)).toBe("processed");
        const retries = await boss.findJobs(WEBHOOK_QUEUES.normalize.name, { data: { deliveryId: broken } });
        expect(retries).toHaveLength(1);
        // Still pending while its job retries; the last attempt marks it failed (not waited for here).
        expect(await outcomeOf(broken!)).toBe("pending");
      });
    });
  });
});
