import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type FakeGitLab,
  type FakeGitlabDeployment,
  type FakeGitlabEnvironment,
  fakeDeployments,
  startFakeGitLab,
} from "@/lib/connections/testing/fake-gitlab";
import { useTestEncryptionKey } from "@/lib/connections/testing/use-test-encryption-key";
import { deployments, promotionRequests } from "@/lib/db/schema";
import { insertEnvironment, insertProject } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import gitlabDeploymentHook from "@/lib/providers/gitlab/fixtures/deployment-hook.json";
import { mapGitlabDeployment } from "@/lib/providers/gitlab/map-deployment";
import { gitlabDeploymentsPager } from "@/lib/providers/gitlab/sync-deployments";
import { editable } from "@/lib/providers/shared/testing/payloads";
import { applyEffect } from "@/lib/webhooks/apply-effect";
import { BACKFILL_DAYS } from "./constants";
import { runScope } from "./run-scope";
import { syncConnection } from "./sync-connection";
import { insertSyncConnection, recordingSleep, stateOf } from "./testing/sync-fixtures";

const TOKEN = "glpat-deployments";
const HOUR = 3600_000;
const PATHS = [
  "group/deploys",
  "group/incremental",
  "group/hooked",
  "group/unmapped",
  "group/gated",
  "group/limited",
  "group/crash",
];

describeEachDatabase("GitLab deployments sync", (kind) => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  let gitlab: FakeGitLab;
  const environments: Record<string, FakeGitlabEnvironment[]> = {};
  const deploymentsByPath: Record<string, FakeGitlabDeployment[]> = {};
  const start = new Date(Date.now() - 48 * HOUR);

  beforeAll(async () => {
    useTestEncryptionKey();
    handle = await createTestDatabase(kind);
    for (const path of PATHS) {
      environments[path] = [
        {
          id: 1,
          name: "production",
          slug: "production",
          external_url: "https://app.example.com",
          tier: "production",
        },
        { id: 2, name: "Review QA", slug: "review-qa-x1y2z3", tier: "testing" },
      ];
    }
    gitlab = await startFakeGitLab({
      token: TOKEN,
      projects: PATHS,
      environments,
      deployments: deploymentsByPath,
    });
  });
  afterAll(async () => {
    await gitlab?.close();
    await handle?.drop();
  });

  async function setup(path: string) {
    const project = await insertProject(handle.db);
    const production = await insertEnvironment(handle.db, project.id, {
      slug: "production",
      name: "Production",
    });
    const connection = await insertSyncConnection(handle.db, {
      kind: "gitlab",
      baseUrl: gitlab.baseUrl,
      token: TOKEN,
      repositories: [{ name: path, projectId: project.id }],
    });
    const config = { repositories: [{ name: path, projectId: project.id }] };
    return {
      project,
      production,
      connection,
      effectConnection: { id: connection.id, kind: "gitlab" as const, config },
    };
  }
  const rowsOf = (projectId: string) =>
    handle.db.select().from(deployments).where(eq(deployments.projectId, projectId));
  const calls = (path: string, what: "deployments" | "environments") =>
    gitlab.requests.filter((r) => r.path === `/api/v4/projects/${encodeURIComponent(path)}/${what}`);
  const scopeOf = (result: Awaited<ReturnType<typeof syncConnection>>, path: string) =>
    result.scopes.find((s) => s.scope === `deployments:${path}`);

  it("backfills every offset page of deployments into the matching environment", async () => {
    deploymentsByPath["group/deploys"] = fakeDeployments(130, start, "production");
    const { project, production, connection } = await setup("group/deploys");
    const result = await syncConnection(handle.db, connection.id);
    expect(scopeOf(result, "group/deploys")).toMatchObject({ items: 130, pages: 2, unknownEnvironments: 0 });
    const rows = await rowsOf(project.id);
    expect(rows).toHaveLength(130);
    expect(rows.every((r) => r.environmentId === production.id && r.status === "succeeded")).toBe(true);
    expect(rows.find((r) => r.externalId === "gitlab:41000")).toMatchObject({
      actor: "jsmith",
      startedAt: new Date(deploymentsByPath["group/deploys"][0]!.created_at),
      finishedAt: new Date(deploymentsByPath["group/deploys"][0]!.finished_at!),
      url: `${gitlab.baseUrl}/group/deploys/-/jobs/410000`,
    });
    const listed = calls("group/deploys", "deployments");
    expect(listed.map((r) => r.query.get("page"))).toEqual(["1", "2"]);
    expect(listed[0]!.query.get("order_by")).toBe("updated_at");
    expect(listed[0]!.query.get("sort")).toBe("asc");
    const since = new Date(listed[0]!.query.get("updated_after")!);
    expect(Date.now() - since.getTime()).toBeGreaterThan((BACKFILL_DAYS - 1) * 24 * HOUR);
    expect(calls("group/deploys", "environments")).toHaveLength(1);
    expect(await stateOf(handle.db, connection.id, "deployments:group/deploys")).toMatchObject({
      status: "idle",
      itemsDone: 130,
      itemsTotal: 130,
      error: null,
    });
  });

  it("polls incrementally: only deployments updated after the newest one seen", async () => {
    const list = fakeDeployments(3, start, "production", 42_000);
    list[2] = { ...list[2]!, status: "running", finished_at: null, updated_at: list[2]!.created_at };
    deploymentsByPath["group/incremental"] = list;
    const { project, connection } = await setup("group/incremental");
    await syncConnection(handle.db, connection.id);
    const newest = list
      .map((d) => d.updated_at)
      .sort()
      .at(-1)!;

    const quiet = await syncConnection(handle.db, connection.id);
    expect(calls("group/incremental", "deployments").at(-1)!.query.get("updated_after")).toBe(
      new Date(newest).toISOString(),
    );
    expect(scopeOf(quiet, "group/incremental")).toMatchObject({ items: 0 });

    // The running deployment finishes and a new one starts: only those two are listed again.
    const later = (m: number) => new Date(start.getTime() + m * 60_000).toISOString();
    list[2] = { ...list[2]!, status: "success", updated_at: later(30), finished_at: later(30) };
    list.push({ ...fakeDeployments(1, new Date(later(31)), "production", 42_100)[0]!, status: "running" });
    const third = await syncConnection(handle.db, connection.id);
    expect(scopeOf(third, "group/incremental")).toMatchObject({ items: 2 });
    const rows = await rowsOf(project.id);
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.externalId === "gitlab:42002")).toMatchObject({
      status: "succeeded",
      finishedAt: new Date(later(30)),
    });
    expect(rows.find((r) => r.externalId === "gitlab:42100")).toMatchObject({ status: "in_progress" });
  });

  it("stores a deployment that also came by webhook once, and the newer state wins", async () => {
    const [deployment] = fakeDeployments(1, start, "production", 43_000);
    deploymentsByPath["group/hooked"] = [deployment!];
    const { project, effectConnection, connection } = await setup("group/hooked");
    const fixture = editable(gitlabDeploymentHook) as Record<string, unknown>;
    const web = `${gitlab.baseUrl}/group/hooked`;
    const hook = {
      ...fixture,
      status: "running",
      status_changed_at: deployment!.created_at,
      deployment_id: deployment!.id,
      deployable_id: deployment!.deployable!.id,
      deployable_url: `${web}/-/jobs/${deployment!.deployable!.id}`,
      environment: "production",
      environment_slug: "production",
      project: { ...(fixture.project as object), id: 3, path_with_namespace: "group/hooked", web_url: web },
      short_sha: deployment!.sha.slice(0, 8),
      commit_url: `${web}/-/commit/${deployment!.sha}`,
    };
    await handle.db.transaction((tx) => applyEffect(tx, effectConnection, mapGitlabDeployment(hook)));
    expect(await rowsOf(project.id)).toMatchObject([{ externalId: "gitlab:43000", status: "in_progress" }]);

    await syncConnection(handle.db, connection.id);
    const rows = await rowsOf(project.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ externalId: "gitlab:43000", status: "succeeded" });

    // A late copy of the running hook changes nothing.
    await handle.db.transaction((tx) => applyEffect(tx, effectConnection, mapGitlabDeployment(hook)));
    expect(await rowsOf(project.id)).toMatchObject([{ status: "succeeded" }]);
  });

  it("matches by the slug List environments gives and skips an unmapped environment with a count", async () => {
    const [production, review, sandbox] = fakeDeployments(3, start, "production", 44_000);
    deploymentsByPath["group/unmapped"] = [
      production!,
      { ...review!, environment: "Review QA" },
      { ...sandbox!, environment: "sandbox" },
    ];
    // Enough environments for two pages; the one matched by slug only is on the second.
    environments["group/unmapped"] = [
      environments["group/unmapped"]![0]!,
      ...Array.from({ length: 120 }, (_, i) => ({
        id: 10 + i,
        name: `review/mr-${i}`,
        slug: `review-mr-${i}-abc`,
      })),
      { id: 500, name: "Review QA", slug: "review-qa-x1y2z3", tier: "testing" as const },
    ];
    const { project, connection } = await setup("group/unmapped");
    const qa = await insertEnvironment(handle.db, project.id, {
      slug: "review-qa-x1y2z3",
      name: "QA",
      position: 1,
    });
    const result = await syncConnection(handle.db, connection.id);
    expect(scopeOf(result, "group/unmapped")).toMatchObject({ items: 3, unknownEnvironments: 1 });
    expect(scopeOf(result, "group/unmapped")).not.toHaveProperty("error");
    const rows = await rowsOf(project.id);
    expect(rows.map((r) => r.externalId).sort()).toEqual(["gitlab:44000", "gitlab:44001"]);
    expect(rows.find((r) => r.externalId === "gitlab:44001")!.environmentId).toBe(qa.id);
    expect(calls("group/unmapped", "environments").map((r) => r.query.get("page"))).toEqual(["1", "2"]);
    expect(await stateOf(handle.db, connection.id, "deployments:group/unmapped")).toMatchObject({
      status: "idle",
      error: null,
    });
  });

  it("opens the gate of a blocked deployment once, as the Deployment Hook does", async () => {
    const [blocked] = fakeDeployments(1, start, "production", 45_000);
    deploymentsByPath["group/gated"] = [{ ...blocked!, status: "blocked", finished_at: null }];
    const { project, connection } = await setup("group/gated");
    await syncConnection(handle.db, connection.id);
    deploymentsByPath["group/gated"][0]!.updated_at = new Date(Date.now() - HOUR).toISOString();
    await syncConnection(handle.db, connection.id);
    const requests = await handle.db
      .select()
      .from(promotionRequests)
      .where(eq(promotionRequests.projectId, project.id));
    expect(requests).toHaveLength(1);
    expect(requests[0]!.externalGate).toMatchObject({ provider: "gitlab", ref: { key: "gitlab:45000" } });
    expect(await rowsOf(project.id)).toHaveLength(0);
  });

  it("waits out a 429 with Retry-After on deployments and RateLimit-Reset on pipelines", async () => {
    deploymentsByPath["group/limited"] = fakeDeployments(2, start, "production", 46_000);
    const { project, connection } = await setup("group/limited");
    const reset = Math.floor(Date.now() / 1000) + 30;
    gitlab.faults.push(
      {
        path: /group%2Flimited\/pipelines$/,
        status: 429,
        headers: { "ratelimit-reset": String(reset) },
        times: 1,
      },
      { path: /group%2Flimited\/deployments$/, status: 429, headers: { "retry-after": "7" }, times: 1 },
    );
    const { waits, sleep } = recordingSleep();
    const result = await syncConnection(handle.db, connection.id, { sleep });
    expect(result.scopes.every((s) => !("error" in s))).toBe(true);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThan(25_000);
    expect(waits[1]).toBe(7000);
    expect(await rowsOf(project.id)).toHaveLength(2);
  });

  it("resumes a crashed pass from its cursor without duplicates", async () => {
    deploymentsByPath["group/crash"] = fakeDeployments(150, start, "production", 47_000);
    const { project, connection, effectConnection } = await setup("group/crash");
    const pager = gitlabDeploymentsPager({
      baseUrl: gitlab.baseUrl,
      token: TOKEN,
      repository: "group/crash",
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
    await expect(runScope(handle.db, effectConnection, dying)).rejects.toThrow("worker killed");
    expect(await rowsOf(project.id)).toHaveLength(100);
    expect(await stateOf(handle.db, connection.id, "deployments:group/crash")).toMatchObject({
      status: "running",
      itemsDone: 100,
    });

    const before = calls("group/crash", "deployments").length;
    await syncConnection(handle.db, connection.id);
    expect(calls("group/crash", "deployments").slice(before)[0]!.query.get("page")).toBe("2");
    expect(await rowsOf(project.id)).toHaveLength(150);
    expect(await stateOf(handle.db, connection.id, "deployments:group/crash")).toMatchObject({
      status: "idle",
      itemsDone: 150,
    });
  });
});
