import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { FakeDeployment, FakeRun } from "@/lib/connections/testing/fake-github";
import {
  type FakeGitHub,
  fakeRuns,
  githubRateLimitFault,
  startFakeGitHub,
} from "@/lib/connections/testing/fake-github";
import { useTestEncryptionKey } from "@/lib/connections/testing/use-test-encryption-key";
import { deployments } from "@/lib/db/schema";
import { insertEnvironment, insertProject } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { mapWorkflowRun } from "@/lib/providers/github/map-workflow-run";
import { githubRunsPager } from "@/lib/providers/github/sync-runs";
import { applyEffect } from "@/lib/webhooks/apply-effect";
import { BACKFILL_DAYS } from "./constants";
import { runScope } from "./run-scope";
import { syncConnection } from "./sync-connection";
import { insertSyncConnection, jobCount, recordingSleep, runsOf, stateOf } from "./testing/sync-fixtures";

const TOKEN = "ghp_sync";
const HOUR = 3600_000;

describeEachDatabase("GitHub sync", (kind) => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  let github: FakeGitHub;
  const runs: Record<string, FakeRun[]> = {};
  const deploymentsByRepo: Record<string, FakeDeployment[]> = {};
  const start = new Date(Date.now() - 72 * HOUR);

  beforeAll(async () => {
    useTestEncryptionKey();
    handle = await createTestDatabase(kind);
    const repositories: Record<string, number> = {};
    for (const name of [
      "acme/big",
      "acme/quiet",
      "acme/limited",
      "acme/crash",
      "acme/hooked",
      "acme/deploys",
    ]) {
      repositories[name] = 1;
    }
    github = await startFakeGitHub({ token: TOKEN, repositories, runs, deployments: deploymentsByRepo });
  });
  afterAll(async () => {
    await github?.close();
    await handle?.drop();
  });

  async function setup(repository: string) {
    const project = await insertProject(handle.db);
    const connection = await insertSyncConnection(handle.db, {
      kind: "github",
      baseUrl: github.baseUrl,
      token: TOKEN,
      repositories: [{ name: repository, projectId: project.id }],
    });
    return { project, connection };
  }
  const listCalls = (repository: string) =>
    github.requests.filter((r) => r.path === `/repos/${repository}/actions/runs`);

  it("backfills every page of runs with their jobs, counting progress", async () => {
    runs["acme/big"] = fakeRuns(130, start);
    const { project, connection } = await setup("acme/big");
    const result = await syncConnection(handle.db, connection.id);
    expect(result.scopes[0]).toMatchObject({ scope: "runs:acme/big", items: 130, pages: 2 });
    expect(await runsOf(handle.db, project.id)).toHaveLength(130);
    expect(await jobCount(handle.db, project.id)).toBe(260);
    const calls = listCalls("acme/big");
    expect(calls).toHaveLength(2);
    expect(calls[0]!.query.get("created")).toMatch(/^>=\d{4}-/);
    const since = new Date(calls[0]!.query.get("created")!.slice(2));
    expect(Date.now() - since.getTime()).toBeGreaterThan((BACKFILL_DAYS - 1) * 24 * HOUR);
    expect(calls[1]!.query.get("page")).toBe("2");
    const state = await stateOf(handle.db, connection.id, "runs:acme/big");
    expect(state).toMatchObject({ status: "idle", itemsDone: 130, itemsTotal: 130, error: null });
    const failed = (await runsOf(handle.db, project.id)).filter((r) => r.status === "failed");
    expect(failed).toHaveLength(26);
  });

  it("polls incrementally: asks only from the newest run, then a 304 writes nothing", async () => {
    runs["acme/quiet"] = fakeRuns(3, start);
    const { project, connection } = await setup("acme/quiet");
    await syncConnection(handle.db, connection.id);
    const newest = runs["acme/quiet"][0]!.created_at;

    await syncConnection(handle.db, connection.id);
    const second = listCalls("acme/quiet").at(-1)!;
    expect(new Date(second.query.get("created")!.slice(2)).toISOString()).toBe(
      new Date(newest).toISOString(),
    );
    const before = await runsOf(handle.db, project.id);

    await syncConnection(handle.db, connection.id);
    const third = listCalls("acme/quiet").at(-1)!;
    expect(third.headers["if-none-match"]).toMatch(/^W\/"/);
    const after = await runsOf(handle.db, project.id);
    expect(after.map((r) => r.updatedAt.getTime()).sort()).toEqual(
      before.map((r) => r.updatedAt.getTime()).sort(),
    );
    expect(await stateOf(handle.db, connection.id, "runs:acme/quiet")).toMatchObject({
      status: "idle",
      itemsDone: 0,
    });

    // A new run changes the answer: the ETag no longer matches and the run is stored.
    runs["acme/quiet"].unshift(...fakeRuns(1, new Date(start.getTime() + 10 * HOUR), 99_000_001));
    await syncConnection(handle.db, connection.id);
    expect(await runsOf(handle.db, project.id)).toHaveLength(4);
  });

  it("waits out rate limits and server errors, records the headroom, and completes", async () => {
    runs["acme/limited"] = fakeRuns(5, start);
    const { project, connection } = await setup("acme/limited");
    github.faults.push(
      { ...githubRateLimitFault("secondary", 2), path: /\/acme\/limited\/actions\/runs$/ },
      { ...githubRateLimitFault("primary", 30), path: /\/acme\/limited\/actions\/runs\/\d+\/jobs$/ },
      { path: /\/acme\/limited\/deployments$/, status: 502, times: 2 },
    );
    const { waits, sleep } = recordingSleep();
    const result = await syncConnection(handle.db, connection.id, { sleep });
    expect(result.scopes.every((s) => !("error" in s))).toBe(true);
    expect(waits[0]).toBe(2000);
    expect(waits[1]).toBeGreaterThan(25_000);
    expect(waits.slice(2)).toEqual([1000, 2000]);
    expect(await runsOf(handle.db, project.id)).toHaveLength(5);
    const { connections } = await import("@/lib/db/schema");
    const [row] = await handle.db.select().from(connections).where(eq(connections.id, connection.id));
    expect(row).toMatchObject({ rateLimitLimit: 5000 });
    expect(row!.rateLimitRemaining).toBeLessThan(5000);
    expect(row!.rateLimitResetAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it("gives up on a limit that will not lift in time and keeps the error", async () => {
    runs["acme/limited"] = fakeRuns(1, start);
    const { connection } = await setup("acme/limited");
    github.faults.push({ ...githubRateLimitFault("primary", 3600), path: /\/acme\/limited\/actions\/runs$/ });
    const result = await syncConnection(handle.db, connection.id, { sleep: async () => {} });
    expect(result.scopes[0]).toMatchObject({
      scope: "runs:acme/limited",
      error: expect.stringMatching(/resets in/),
    });
    const state = await stateOf(handle.db, connection.id, "runs:acme/limited");
    expect(state).toMatchObject({ status: "failed", error: expect.stringMatching(/rate limited \(403\)/) });
    await syncConnection(handle.db, connection.id);
    expect(await stateOf(handle.db, connection.id, "runs:acme/limited")).toMatchObject({
      status: "idle",
      error: null,
    });
  });

  it("resumes a crashed pass from its cursor without duplicates", async () => {
    runs["acme/crash"] = fakeRuns(150, start);
    const { project, connection } = await setup("acme/crash");
    const pager = githubRunsPager({
      baseUrl: github.baseUrl,
      token: TOKEN,
      repository: "acme/crash",
      backfillSince: new Date(Date.now() - BACKFILL_DAYS * 24 * HOUR),
      now: new Date(),
      onHeaders: () => {},
    });
    let pages = 0;
    const dying = {
      scope: pager.scope,
      page: async (cursor: Record<string, unknown>) => {
        if (pages++ === 1) throw new Error("worker killed");
        return pager.page(cursor);
      },
    };
    const config = { repositories: [{ name: "acme/crash", projectId: project.id }] };
    await expect(runScope(handle.db, { id: connection.id, kind: "github", config }, dying)).rejects.toThrow(
      "worker killed",
    );
    expect(await runsOf(handle.db, project.id)).toHaveLength(100);
    expect(await stateOf(handle.db, connection.id, "runs:acme/crash")).toMatchObject({
      status: "running",
      itemsDone: 100,
    });

    const callsBefore = listCalls("acme/crash").length;
    await syncConnection(handle.db, connection.id);
    const resumed = listCalls("acme/crash").slice(callsBefore);
    expect(resumed[0]!.query.get("page")).toBe("2");
    expect(await runsOf(handle.db, project.id)).toHaveLength(150);
    expect(await stateOf(handle.db, connection.id, "runs:acme/crash")).toMatchObject({
      status: "idle",
      itemsDone: 150,
    });
  });

  it("does not duplicate a run that came by webhook, and newer wins", async () => {
    runs["acme/hooked"] = fakeRuns(2, start);
    const { project, connection } = await setup("acme/hooked");
    const hooked = runs["acme/hooked"][0]!;
    // The webhook saw the run still in progress, earlier than the API's completed state.
    const body = {
      workflow_run: {
        ...hooked,
        status: "in_progress",
        conclusion: null,
        updated_at: hooked.created_at,
      },
      repository: { full_name: "acme/hooked", html_url: "https://github.com/acme/hooked" },
    };
    const config = { repositories: [{ name: "acme/hooked", projectId: project.id }] };
    await handle.db.transaction((tx) =>
      applyEffect(tx, { id: connection.id, kind: "github", config }, mapWorkflowRun(body)),
    );
    expect(await runsOf(handle.db, project.id)).toMatchObject([{ status: "running" }]);
    await syncConnection(handle.db, connection.id);
    const stored = await runsOf(handle.db, project.id);
    expect(stored).toHaveLength(2);
    expect(stored.find((r) => r.externalId === String(hooked.id))).toMatchObject({ status: "succeeded" });
  });

  it("syncs deployments into matching environments and skips unknown ones", async () => {
    const at = (h: number) => new Date(start.getTime() + h * HOUR).toISOString();
    deploymentsByRepo["acme/deploys"] = [
      {
        id: 501,
        sha: "a".repeat(40),
        ref: "main",
        environment: "production",
        created_at: at(1),
        updated_at: at(1),
        statuses: [
          { id: 1, state: "in_progress", created_at: at(1) },
          { id: 2, state: "success", created_at: at(2) },
        ],
      },
      {
        id: 502,
        sha: "b".repeat(40),
        ref: "main",
        environment: "qa",
        created_at: at(3),
        updated_at: at(3),
        statuses: [],
      },
      {
        id: 503,
        sha: "c".repeat(40),
        ref: "main",
        environment: "Production",
        created_at: at(4),
        updated_at: at(4),
        statuses: [{ id: 3, state: "failure", created_at: at(5) }],
      },
    ];
    const { project, connection } = await setup("acme/deploys");
    const environment = await insertEnvironment(handle.db, project.id, {
      slug: "production",
      name: "Production",
    });
    const result = await syncConnection(handle.db, connection.id);
    expect(result.scopes.find((s) => s.scope === "deployments:acme/deploys")).toMatchObject({
      items: 3,
      unknownEnvironments: 1,
    });
    const rows = await handle.db
      .select()
      .from(deployments)
      .where(eq(deployments.environmentId, environment.id));
    expect(rows.map((r) => [r.externalId, r.status]).sort()).toEqual([
      ["github:501", "succeeded"],
      ["github:503", "failed"],
    ]);
    await syncConnection(handle.db, connection.id);
    expect(
      await handle.db.select().from(deployments).where(eq(deployments.environmentId, environment.id)),
    ).toHaveLength(2);
  });
});
