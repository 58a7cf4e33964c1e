import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type FakeAzureBuild,
  type FakeAzureDevOps,
  fakeBuilds,
  startFakeAzureDevOps,
} from "@/lib/connections/testing/fake-azure-devops";
import { useTestEncryptionKey } from "@/lib/connections/testing/use-test-encryption-key";
import { pipelineJobs } from "@/lib/db/schema";
import { insertProject } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { syncConnection } from "./sync-connection";
import { insertSyncConnection, jobCount, recordingSleep, runsOf, stateOf } from "./testing/sync-fixtures";

const TOKEN = "azure-pat";

describeEachDatabase("Azure DevOps sync", (kind) => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  let azure: FakeAzureDevOps;
  const builds: Record<string, FakeAzureBuild[]> = {};

  beforeAll(async () => {
    useTestEncryptionKey();
    handle = await createTestDatabase(kind);
    azure = await startFakeAzureDevOps({ token: TOKEN, projects: { Fabrikam: 1, Limited: 1 }, builds });
  });
  afterAll(async () => {
    await azure?.close();
    await handle?.drop();
  });

  async function setup(name: string) {
    const project = await insertProject(handle.db);
    const connection = await insertSyncConnection(handle.db, {
      kind: "azure_devops",
      baseUrl: azure.baseUrl,
      token: TOKEN,
      repositories: [{ name, projectId: project.id }],
    });
    return { project, connection };
  }
  const listCalls = (name: string) =>
    azure.requests.filter((r) => r.path === `/fabrikam/${name}/_apis/build/builds`);

  it("follows continuation tokens to the end and stores stages and jobs from the timeline", async () => {
    builds.Fabrikam = fakeBuilds(130, new Date(Date.now() - 24 * 3600_000));
    const { project, connection } = await setup("Fabrikam");
    const result = await syncConnection(handle.db, connection.id);
    expect(result.scopes[0]).toMatchObject({ scope: "builds:Fabrikam", items: 130, pages: 2 });
    const calls = listCalls("Fabrikam");
    expect(calls[0]!.query.get("minTime")).toBeTruthy();
    expect(calls[1]!.query.get("continuationToken")).toBe("100");
    const runs = await runsOf(handle.db, project.id);
    expect(runs).toHaveLength(130);
    expect(runs.filter((r) => r.status === "failed")).toHaveLength(43);
    expect(await jobCount(handle.db, project.id)).toBe(260);
    const jobs = await handle.db.select().from(pipelineJobs);
    expect(jobs.find((j) => j.name === "Compile")).toMatchObject({ stage: "Build", status: "succeeded" });
    expect(await stateOf(handle.db, connection.id, "builds:Fabrikam")).toMatchObject({
      status: "idle",
      itemsDone: 130,
    });

    await syncConnection(handle.db, connection.id);
    const again = listCalls("Fabrikam").at(-1)!;
    expect(new Date(again.query.get("minTime")!).toISOString()).toBe(builds.Fabrikam.at(-1)!.queueTime);
    expect(await runsOf(handle.db, project.id)).toHaveLength(130);
  });

  it("waits out a 429 with Retry-After", async () => {
    builds.Limited = fakeBuilds(2, new Date(Date.now() - 3600_000), 12_000);
    const { project, connection } = await setup("Limited");
    azure.faults.push({
      path: /\/Limited\/_apis\/build\/builds$/,
      status: 429,
      headers: { "retry-after": "3" },
      times: 1,
    });
    const { waits, sleep } = recordingSleep();
    await syncConnection(handle.db, connection.id, { sleep });
    expect(waits).toEqual([3000]);
    expect(await runsOf(handle.db, project.id)).toHaveLength(2);
  });
});
