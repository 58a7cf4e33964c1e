import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type FakeGitLab,
  type FakeGitlabPipeline,
  fakePipelines,
  startFakeGitLab,
} from "@/lib/connections/testing/fake-gitlab";
import { useTestEncryptionKey } from "@/lib/connections/testing/use-test-encryption-key";
import { connections } from "@/lib/db/schema";
import { insertProject } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { syncConnection } from "./sync-connection";
import { insertSyncConnection, jobCount, recordingSleep, runsOf, stateOf } from "./testing/sync-fixtures";

const TOKEN = "glpat-sync";

describeEachDatabase("GitLab sync", (kind) => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  let gitlab: FakeGitLab;
  const pipelines: Record<string, FakeGitlabPipeline[]> = {};

  beforeAll(async () => {
    useTestEncryptionKey();
    handle = await createTestDatabase(kind);
    gitlab = await startFakeGitLab({ token: TOKEN, projects: ["group/app", "group/limited"], pipelines });
  });
  afterAll(async () => {
    await gitlab?.close();
    await handle?.drop();
  });

  async function setup(path: string) {
    const project = await insertProject(handle.db);
    const connection = await insertSyncConnection(handle.db, {
      kind: "gitlab",
      baseUrl: gitlab.baseUrl,
      token: TOKEN,
      repositories: [{ name: path, projectId: project.id }],
    });
    return { project, connection };
  }
  const listCalls = (path: string) =>
    gitlab.requests.filter((r) => r.path === `/api/v4/projects/${encodeURIComponent(path)}/pipelines`);

  it("backfills every offset page of pipelines with jobs, then asks only for newer updates", async () => {
    pipelines["group/app"] = fakePipelines(130, new Date(Date.now() - 48 * 3600_000));
    const { project, connection } = await setup("group/app");
    const result = await syncConnection(handle.db, connection.id);
    expect(result.scopes[0]).toMatchObject({ scope: "pipelines:group/app", items: 130, pages: 2 });
    expect(await runsOf(handle.db, project.id)).toHaveLength(130);
    expect(await jobCount(handle.db, project.id)).toBe(260);
    expect(listCalls("group/app").map((r) => r.query.get("page"))).toEqual(["1", "2"]);
    expect(await stateOf(handle.db, connection.id, "pipelines:group/app")).toMatchObject({
      status: "idle",
      itemsDone: 130,
      itemsTotal: 130,
    });
    const [row] = await handle.db.select().from(connections).where(eq(connections.id, connection.id));
    expect(row).toMatchObject({ rateLimitLimit: 2000 });

    await syncConnection(handle.db, connection.id);
    const second = listCalls("group/app").at(-1)!;
    expect(second.query.get("updated_after")).toBe(
      new Date(pipelines["group/app"]!.at(-1)!.updated_at).toISOString(),
    );
    expect(await stateOf(handle.db, connection.id, "pipelines:group/app")).toMatchObject({ itemsDone: 0 });
    expect(await runsOf(handle.db, project.id)).toHaveLength(130);
  });

  it("retries a 5xx burst and completes", async () => {
    pipelines["group/limited"] = fakePipelines(3, new Date(Date.now() - 3600_000), 71_000);
    const { project, connection } = await setup("group/limited");
    gitlab.faults.push({ path: /group%2Flimited\/pipelines$/, status: 503, times: 2 });
    const { waits, sleep } = recordingSleep();
    const result = await syncConnection(handle.db, connection.id, { sleep });
    expect(result.scopes[0]).not.toHaveProperty("error");
    expect(waits).toEqual([1000, 2000]);
    expect(await runsOf(handle.db, project.id)).toHaveLength(3);
  });
});
