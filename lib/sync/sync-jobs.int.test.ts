import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnection } from "@/lib/connections/create-connection";
import { type FakeGitHub, fakeRuns, startFakeGitHub } from "@/lib/connections/testing/fake-github";
import { useTestEncryptionKey } from "@/lib/connections/testing/use-test-encryption-key";
import { updateConnection } from "@/lib/connections/update-connection";
import { actorWithRole, expectAppError, insertProject } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { createBoss } from "@/lib/jobs/boss";
import { SYNC_QUEUES } from "./queue-names";
import { pollConnections, registerSyncWorkers } from "./register-sync-workers";
import { requestSync } from "./request-sync";
import { runsOf } from "./testing/sync-fixtures";

type GlobalWithBoss = typeof globalThis & { __tandemBoss?: Promise<PgBoss> };
const TOKEN = "ghp_jobs";

describeEachDatabase("sync jobs", (kind) => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  let github: FakeGitHub;
  const holder = globalThis as GlobalWithBoss;

  beforeAll(async () => {
    useTestEncryptionKey();
    handle = await createTestDatabase(kind);
    github = await startFakeGitHub({
      token: TOKEN,
      repositories: { "acme/jobs": 1 },
      runs: { "acme/jobs": fakeRuns(3, new Date(Date.now() - 3600_000)) },
    });
  });
  afterAll(async () => {
    await github?.close();
    await handle?.drop();
  });

  async function connect(projectId: string) {
    const ctx = { db: handle.db, actor: await actorWithRole(handle.db, "admin") };
    const { connection } = await createConnection(ctx, {
      kind: "github",
      name: "GitHub",
      baseUrl: github.baseUrl,
      token: TOKEN,
      config: { repositories: [{ name: "acme/jobs", projectId }] },
    });
    return { ctx, connection };
  }

  it("saves a connection and answers Sync now when no job queue runs", async () => {
    const project = await insertProject(handle.db);
    const { ctx, connection } = await connect(project.id);
    const sync = await requestSync(ctx, { id: connection.id });
    expect(sync).toMatchObject({ queued: false, states: [], running: false, rateLimit: null });
    const viewer = { db: handle.db, actor: await actorWithRole(handle.db, "viewer") };
    await expectAppError(requestSync(viewer, { id: connection.id }), "forbidden");
    await updateConnection(ctx, { id: connection.id, enabled: false });
    await expectAppError(requestSync(ctx, { id: connection.id }), "invalid_request");
  });

  describe("with pg-boss", () => {
    let boss: PgBoss;
    beforeAll(async () => {
      boss = createBoss(handle);
      await boss.start();
      holder.__tandemBoss = Promise.resolve(boss);
    });
    afterAll(async () => {
      holder.__tandemBoss = undefined;
      await boss.stop({ graceful: false });
    });

    const jobsOf = (connectionId: string) =>
      boss.findJobs(SYNC_QUEUES.connection.name, { data: { connectionId } });

    it("queues one backfill on connect, absorbs repeats, and the worker syncs", async () => {
      const project = await insertProject(handle.db);
      const { ctx, connection } = await connect(project.id);
      expect(await jobsOf(connection.id)).toHaveLength(1);
      expect((await requestSync(ctx, { id: connection.id })).queued).toBe(true);
      expect(await pollConnections(handle.db, async () => {})).toBeGreaterThan(0);
      expect((await jobsOf(connection.id)).filter((j) => j.state === "created")).toHaveLength(1);

      await registerSyncWorkers(boss, handle.db);
      const deadline = Date.now() + 20_000;
      while ((await runsOf(handle.db, project.id)).length < 3 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(await runsOf(handle.db, project.id)).toHaveLength(3);
    });
  });
});
