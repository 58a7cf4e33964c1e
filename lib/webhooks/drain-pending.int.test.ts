import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { pipelineRuns, webhookDeliveries } from "@/lib/db/schema";
import { insertProject } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { githubExample } from "@/lib/providers/github/testing/examples";
import { drainPendingDeliveries } from "./drain-pending";
import { SWEEP_AFTER_MS, SWEEP_WINDOW_MS, sweepPendingDeliveries } from "./sweep-pending";
import { insertCiConnection, insertDelivery, useWebhookTestKey } from "./testing/webhook-fixtures";

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;

describeEachDatabase("draining pending webhook deliveries", (kind) => {
  let handle: Handle;
  let projectId: string;

  beforeAll(async () => {
    useWebhookTestKey();
    handle = await createTestDatabase(kind);
    projectId = (await insertProject(handle.db)).id;
  });
  afterAll(() => handle.drop());

  const rowsOf = (connectionId: string) =>
    handle.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.connectionId, connectionId))
      .orderBy(asc(webhookDeliveries.id));
  const runState = (runId: number) => {
    const done = githubExample(
      "workflow_run",
      (e) => e.workflow_run.status === "completed" && e.workflow_run.conclusion === "success",
    );
    done.workflow_run.id = runId;
    const late = structuredClone(done);
    late.workflow_run.status = "in_progress";
    late.workflow_run.conclusion = null;
    late.workflow_run.updated_at = "2020-10-05T16:33:30Z";
    return { done, late };
  };
  const failOnError = async (id: number, error: unknown) => {
    throw new Error(`delivery ${id} threw: ${String(error)}`);
  };
  const backdate = (id: number, ms: number) =>
    handle.db
      .update(webhookDeliveries)
      .set({ receivedAt: new Date(Date.now() - ms) })
      .where(eq(webhookDeliveries.id, id));

  it("normalizes a connection's pending deliveries in arrival order, and only that connection's", async () => {
    const { connection } = await insertCiConnection(handle.db, "github", {
      config: { repositories: [], defaultProjectId: projectId },
    });
    const { connection: other } = await insertCiConnection(handle.db, "github", {
      config: { repositories: [], defaultProjectId: projectId },
    });
    const { done, late } = runState(880001);
    // The completed run arrives first and a late in_progress after it: stored state stays completed.
    await insertDelivery(handle.db, connection.id, "workflow_run", done);
    await insertDelivery(handle.db, connection.id, "workflow_run", late);
    await insertDelivery(handle.db, connection.id, "workflow_run", "{ not json");
    const untouched = await insertDelivery(handle.db, other.id, "workflow_run", runState(880002).done);

    // One lane, to see the order; more lanes start them in the same order.
    const result = await drainPendingDeliveries(handle.db, connection.id, {
      onError: failOnError,
      concurrency: 1,
    });
    expect(result).toEqual({ normalized: 3, errored: 0, more: false });
    const rows = await rowsOf(connection.id);
    expect(rows.map((r) => r.outcome)).toEqual(["processed", "processed", "failed"]);
    // One at a time in id order: each outcome is recorded no earlier than the one before it.
    const times = rows.map((r) => r.processedAt!.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const [run] = await handle.db.select().from(pipelineRuns).where(eq(pipelineRuns.externalId, "880001"));
    expect(run).toMatchObject({ status: "succeeded" });
    expect((await rowsOf(other.id))[0]).toMatchObject({ id: untouched.id, outcome: "pending" });

    // Draining again finds nothing to do and changes nothing.
    expect(await drainPendingDeliveries(handle.db, connection.id, { onError: failOnError })).toEqual({
      normalized: 0,
      errored: 0,
      more: false,
    });
  });

  it("keeps a completed run completed however its late events are drained side by side", async () => {
    const { connection } = await insertCiConnection(handle.db, "github", {
      config: { repositories: [], defaultProjectId: projectId },
    });
    const { done, late } = runState(880051);
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) {
      await insertDelivery(handle.db, connection.id, "workflow_run", n === 3 ? done : late);
    }
    expect(await drainPendingDeliveries(handle.db, connection.id, { onError: failOnError })).toEqual({
      normalized: 8,
      errored: 0,
      more: false,
    });
    const runs = await handle.db.select().from(pipelineRuns).where(eq(pipelineRuns.externalId, "880051"));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "succeeded" });
  });

  it("hands a delivery whose normalization threw to onError and goes on with the next ones", async () => {
    // The mapped project does not exist: storing the run breaks a foreign key, an unexpected error.
    const { connection } = await insertCiConnection(handle.db, "github", {
      config: {
        repositories: [{ name: "octo-org/octo-repo", projectId: randomUUID() }],
        defaultProjectId: projectId,
      },
    });
    const broken = runState(880101).done;
    const fine = runState(880102).done;
    fine.repository.full_name = "octo-org/elsewhere";
    const first = await insertDelivery(handle.db, connection.id, "workflow_run", broken);
    const second = await insertDelivery(handle.db, connection.id, "workflow_run", fine);
    const handed: number[] = [];
    const result = await drainPendingDeliveries(handle.db, connection.id, {
      onError: async (id) => void handed.push(id),
    });
    expect(result).toEqual({ normalized: 1, errored: 1, more: false });
    expect(handed).toEqual([first.id]);
    const rows = await rowsOf(connection.id);
    // Left pending for its own job's retries, not failed at the first attempt.
    expect(rows.map((r) => [r.id, r.outcome])).toEqual([
      [first.id, "pending"],
      [second.id, "processed"],
    ]);
    // A skipped delivery is not tried again.
    expect(
      await drainPendingDeliveries(handle.db, connection.id, {
        onError: failOnError,
        skip: (id) => id === first.id,
      }),
    ).toEqual({ normalized: 0, errored: 0, more: false });
  });

  it("stops when its time budget is spent and says more may be left", async () => {
    const { connection } = await insertCiConnection(handle.db, "github", {
      config: { repositories: [], defaultProjectId: projectId },
    });
    for (const id of [880201, 880202, 880203]) {
      await insertDelivery(handle.db, connection.id, "workflow_run", runState(id).done);
    }
    let clock = 0;
    // Each reading of the clock moves it 10 ms: the budget covers the first delivery only.
    const now = () => (clock += 10);
    expect(
      await drainPendingDeliveries(handle.db, connection.id, { onError: failOnError, budgetMs: 15, now }),
    ).toEqual({ normalized: 1, errored: 0, more: true });
    expect((await rowsOf(connection.id)).map((r) => r.outcome)).toEqual(["processed", "pending", "pending"]);
    expect(await drainPendingDeliveries(handle.db, connection.id, { onError: failOnError })).toMatchObject({
      normalized: 2,
      more: false,
    });
  });

  it("drains pending deliveries of any age, though the sweeper looks back only SWEEP_WINDOW_MS", async () => {
    const { connection } = await insertCiConnection(handle.db, "github", {
      config: { repositories: [], defaultProjectId: projectId },
    });
    const old = await insertDelivery(handle.db, connection.id, "workflow_run", runState(880301).done);
    await backdate(old.id, SWEEP_WINDOW_MS + 60_000);
    const woken: string[] = [];
    await sweepPendingDeliveries(handle.db, async (id) => void woken.push(id));
    expect(woken).not.toContain(connection.id);
    expect(await drainPendingDeliveries(handle.db, connection.id, { onError: failOnError })).toMatchObject({
      normalized: 1,
    });
  });

  it("sweeps: wakes each connection with a delivery waiting longer than SWEEP_AFTER_MS, once", async () => {
    const { connection: waiting } = await insertCiConnection(handle.db, "gitlab");
    const { connection: fresh } = await insertCiConnection(handle.db, "github");
    const { connection: done } = await insertCiConnection(handle.db, "azure_devops");
    for (const _ of [1, 2]) {
      const row = await insertDelivery(handle.db, waiting.id, "Pipeline Hook", {});
      await backdate(row.id, SWEEP_AFTER_MS + 1_000);
    }
    await insertDelivery(handle.db, fresh.id, "workflow_run", {});
    const finished = await insertDelivery(handle.db, done.id, "build.complete", {});
    await backdate(finished.id, SWEEP_AFTER_MS + 1_000);
    await handle.db
      .update(webhookDeliveries)
      .set({ outcome: "processed" })
      .where(eq(webhookDeliveries.id, finished.id));
    // Deliveries left from earlier tests are pending too; only these connections are looked at.
    const woken: string[] = [];
    await sweepPendingDeliveries(handle.db, async (id) => void woken.push(id));
    expect(woken).toContain(waiting.id);
    expect(woken.filter((id) => id === waiting.id)).toHaveLength(1);
    expect(woken).not.toContain(fresh.id);
    expect(woken).not.toContain(done.id);
  });
});
