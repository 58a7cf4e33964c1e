import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { generateApiToken } from "@/lib/auth/api-token";
import { useDatabaseHandle } from "@/lib/db";
import { apiTokens, auditEvents, pipelineRuns, pipelines, projects, users } from "@/lib/db/schema";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { PUT } from "./[idOrProvider]/[externalId]/route";
import { POST, PUT as PUT_JOBS_ID } from "./[idOrProvider]/jobs/route";
import { GET } from "./[idOrProvider]/route";

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;

describeEachDatabase("runs API for any CI", (kind) => {
  let handle: Handle;
  const secrets: Record<string, string> = {};

  async function token(name: string, userId: string, scopes: string[], projectIds: string[] | null = null) {
    const { secret, hash, prefix } = generateApiToken();
    await handle.db.insert(apiTokens).values({ userId, name, tokenHash: hash, prefix, scopes, projectIds });
    secrets[name] = secret;
  }
  const auth = (name: string) => ({
    authorization: `Bearer ${secrets[name]}`,
    "content-type": "application/json",
  });
  const url = (path: string) => `http://tandem.test/api/v1/runs/${path}`;

  function put(provider: string, externalId: string, body: unknown, as = "ci") {
    const request = new Request(url(`${provider}/${externalId}`), {
      method: "PUT",
      headers: auth(as),
      body: JSON.stringify(body),
    });
    return PUT(request, { params: Promise.resolve({ idOrProvider: provider, externalId }) });
  }
  function postJobs(runId: string, body: unknown, as = "ci") {
    const request = new Request(url(`${runId}/jobs`), {
      method: "POST",
      headers: auth(as),
      body: JSON.stringify(body),
    });
    return POST(request, { params: Promise.resolve({ idOrProvider: runId }) });
  }
  function get(runId: string, as = "ci") {
    return GET(new Request(url(runId), { headers: auth(as) }), {
      params: Promise.resolve({ idOrProvider: runId }),
    });
  }
  async function tally() {
    const [r] = await handle.db.select({ n: count() }).from(pipelineRuns);
    const [p] = await handle.db.select({ n: count() }).from(pipelines);
    return { runs: r?.n ?? 0, pipelines: p?.n ?? 0 };
  }

  const build = {
    project: "alpha",
    pipeline: { name: "Nightly Build (main)", url: "https://jenkins.example.com/job/nightly" },
    status: "running",
    runNumber: 42,
    commitSha: "0123456789abcdef0123456789abcdef01234567",
    branch: "main",
    startedAt: "2026-03-01T10:00:00Z",
    updatedAt: "2026-03-01T10:00:00Z",
    jobs: [{ externalId: "compile", name: "Compile", status: "running", startedAt: "2026-03-01T10:00:05Z" }],
  };

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    useDatabaseHandle(handle);
    const [, beta] = await handle.db
      .insert(projects)
      .values([
        { slug: "alpha", name: "Alpha" },
        { slug: "beta", name: "Beta" },
      ])
      .returning();
    const [engineer, viewer] = await handle.db
      .insert(users)
      .values([
        { email: "ci@example.com", name: "CI", role: "engineer" },
        { email: "viewer@example.com", name: "V", role: "viewer" },
      ])
      .returning();
    await token("ci", engineer!.id, ["runs:write", "runs:read"]);
    await token("read-only", engineer!.id, ["runs:read"]);
    await token("viewer-wide", viewer!.id, ["runs:write", "runs:read"]);
    await token("beta-only", engineer!.id, ["runs:write", "runs:read"], [beta!.id]);
  });
  afterAll(() => handle.drop());

  it("creates a run (201), then answers a replay with 200 and applied false", async () => {
    const first = await put("generic", "nightly-1001", build);
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created).toMatchObject({
      created: true,
      applied: true,
      run: {
        id: expect.any(String),
        provider: "generic",
        externalId: "nightly-1001",
        status: "running",
        projectSlug: "alpha",
        pipeline: { externalId: "nightly-build-main", name: "Nightly Build (main)" },
        jobs: [{ externalId: "compile", status: "running" }],
      },
    });
    expect(created.run.queuedAt).toBe("2026-03-01T10:00:00.000Z");
    const replay = await put("generic", "nightly-1001", build);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({
      created: false,
      applied: false,
      run: { id: created.run.id },
    });
    const audits = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "run.report"));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ targetId: created.run.id, actorLabel: "ci@example.com (API token)" });
  });

  it("keeps a succeeded run succeeded when a late running report arrives", async () => {
    const done = {
      ...build,
      status: "succeeded",
      finishedAt: "2026-03-01T10:09:00Z",
      updatedAt: "2026-03-01T10:09:00Z",
    };
    expect((await put("generic", "nightly-1002", done)).status).toBe(201);
    const late = await put("generic", "nightly-1002", { ...build, jobs: undefined });
    expect(late.status).toBe(200);
    const body = await late.json();
    expect(body).toMatchObject({
      applied: false,
      run: { status: "succeeded", finishedAt: "2026-03-01T10:09:00.000Z" },
    });
    const moved = await put("generic", "nightly-1002", {
      ...done,
      attempt: 2,
      status: "queued",
      updatedAt: "2026-03-01T11:00:00Z",
    });
    expect(await moved.json()).toMatchObject({ applied: true, run: { status: "queued", attempt: 2 } });
  });

  it("answers 400 for an unknown provider", async () => {
    const response = await put("jenkins", "1", build);
    expect(response.status).toBe(400);
    expect((await response.json()).error.details.fields).toEqual([
      { path: "provider", message: expect.stringMatching(/generic/) },
    ]);
  });

  it("answers 403 to a token without runs:write, also when the owner's role lacks it", async () => {
    expect((await put("generic", "x", build, "read-only")).status).toBe(403);
    expect((await put("generic", "x", build, "viewer-wide")).status).toBe(403);
  });

  it("answers 404 to a project-limited token reporting into another project", async () => {
    const response = await put("generic", "x", build, "beta-only");
    expect(response.status).toBe(404);
    expect((await put("generic", "x", { ...build, project: "nope" })).status).toBe(404);
  });

  it("rejects invalid jobs with field details and writes nothing", async () => {
    const before = await tally();
    const response = await put("github", "fresh-run", {
      ...build,
      pipeline: { name: "Brand new pipeline" },
      jobs: [
        { externalId: "a", name: "A", status: "exploded" },
        { name: "no id", status: "queued" },
      ],
    });
    expect(response.status).toBe(400);
    const paths = (await response.json()).error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["jobs.0.status", "jobs.1.externalId"]));
    expect(await tally()).toEqual(before);
    const badTimes = await put("github", "fresh-run", {
      ...build,
      startedAt: "yesterday",
      finishedAt: "2026-01-01T00:00:00Z",
    });
    expect(badTimes.status).toBe(400);
    expect(await tally()).toEqual(before);
  });

  it("adds jobs to a run, reads the run back, and keeps limited tokens out", async () => {
    const { run } = await (await put("gitlab", "pipe-77", { ...build, jobs: undefined })).json();
    const jobs = [
      {
        externalId: "test",
        name: "Test",
        stage: "test",
        status: "succeeded",
        startedAt: "2026-03-01T10:01:00Z",
        finishedAt: "2026-03-01T10:03:00Z",
      },
      { externalId: "lint", name: "Lint", stage: "test", status: "failed", position: 0 },
    ];
    const response = await postJobs(run.id, { jobs });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ runId: run.id, count: 2 });
    const read = await get(run.id);
    expect(read.status).toBe(200);
    const detail = (await read.json()).run;
    expect(detail.jobs.map((j: { externalId: string }) => j.externalId)).toEqual(["lint", "test"]);
    expect((await postJobs(run.id, { jobs: [] })).status).toBe(400);
    expect((await postJobs(run.id, { jobs }, "beta-only")).status).toBe(404);
    expect((await get(run.id, "beta-only")).status).toBe(404);
    expect((await get("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await get("not-a-uuid")).status).toBe(404);
  });

  it("still accepts a run whose external id is literally 'jobs'", async () => {
    const request = new Request(url("generic/jobs"), {
      method: "PUT",
      headers: auth("ci"),
      body: JSON.stringify(build),
    });
    const response = await PUT_JOBS_ID(request, { params: Promise.resolve({ idOrProvider: "generic" }) });
    expect(response.status).toBe(201);
    expect((await response.json()).run.externalId).toBe("jobs");
  });
});
