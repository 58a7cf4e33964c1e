import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { generateApiToken } from "@/lib/auth/api-token";
import { useDatabaseHandle } from "@/lib/db";
import { apiTokens, releases, users } from "@/lib/db/schema";
import {
  insertDeployment,
  insertEnvironment,
  insertModel,
  insertModelVersion,
  insertPipeline,
  insertProject,
  insertRun,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { releaseDetailOutput, releaseListItemOutput, releaseOutput } from "@/lib/releases/openapi-paths";
import { GET as getRelease } from "./[id]/route";
import { POST as createRelease, GET as listReleases } from "./route";

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;
type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

describeEachDatabase("/api/v1/releases", (kind) => {
  let handle: Handle;
  const secrets: Record<string, string> = {};
  let alphaId: string;
  let betaId: string;
  let versionId: string;

  async function token(name: string, userId: string, scopes: string[], projectIds: string[] | null = null) {
    const { secret, hash, prefix } = generateApiToken();
    await handle.db.insert(apiTokens).values({ userId, name, tokenHash: hash, prefix, scopes, projectIds });
    secrets[name] = secret;
  }

  function call<P>(
    handler: Handler<P>,
    method: string,
    path: string,
    params: P,
    as: string | null,
    body?: unknown,
  ) {
    const request = new Request(`http://tandem.test/api/v1${path}`, {
      method,
      headers: {
        ...(as ? { authorization: `Bearer ${secrets[as]}` } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return handler(request, { params: Promise.resolve(params) });
  }

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    useDatabaseHandle(handle);
    const alpha = await insertProject(handle.db, { slug: "alpha", name: "Alpha" });
    const beta = await insertProject(handle.db, { slug: "beta", name: "Beta" });
    alphaId = alpha.id;
    betaId = beta.id;
    const ci = await insertPipeline(handle.db, alpha.id, {
      provider: "gitlab",
      externalId: "42",
      kind: "ci",
    });
    await insertRun(handle.db, ci, {
      provider: "gitlab",
      externalId: "777",
      commitSha: "feedbeef",
      branch: "main",
    });
    const model = await insertModel(handle.db, alpha.id, { name: "ranker", primaryMetric: "auc" });
    versionId = (await insertModelVersion(handle.db, model.id, 1, { metrics: { auc: 0.8 } })).id;
    await insertEnvironment(handle.db, alpha.id, { slug: "staging", name: "Staging", position: 0 });
    const [engineer, viewer] = await handle.db
      .insert(users)
      .values([
        { email: "engineer@example.com", name: "E", role: "engineer" },
        { email: "viewer@example.com", name: "V", role: "viewer" },
      ])
      .returning();
    await token("writer", engineer!.id, ["deployments:read", "deployments:write", "promotions:read"]);
    await token("reader", viewer!.id, ["deployments:read"]);
    await token("beta-writer", engineer!.id, ["deployments:read", "deployments:write"], [beta.id]);
    await token("models-only", engineer!.id, ["models:read", "models:write"]);
  });
  afterAll(() => handle.drop());

  it("creates a release (201), answers the same body with 200, a different one with 409, and reads it back", async () => {
    const body = {
      project: "alpha",
      version: "v1.0.0",
      artifactUri: "registry.example.com/alpha:v1.0.0",
      buildRun: { provider: "gitlab", externalId: "777" },
      modelVersionIds: [versionId],
    };
    const created = await call(createRelease, "POST", "/releases", {}, "writer", body);
    expect(created.status).toBe(201);
    const { release } = await created.json();
    // What the OpenAPI document promises is what the API answers.
    releaseOutput.strict().parse(release);
    expect(release).toMatchObject({
      projectId: alphaId,
      projectSlug: "alpha",
      version: "v1.0.0",
      commitSha: "feedbeef",
      modelVersionIds: [versionId],
    });
    const replay = await call(createRelease, "POST", "/releases", {}, "writer", body);
    expect(replay.status).toBe(200);
    expect((await replay.json()).release.id).toBe(release.id);
    const conflict = await call(createRelease, "POST", "/releases", {}, "writer", {
      ...body,
      modelVersionIds: [],
    });
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).error).toMatchObject({
      code: "conflict",
      details: { releaseId: release.id },
    });

    const list = await call(listReleases, "GET", `/releases?projectId=${alphaId}`, {}, "reader");
    expect(list.status).toBe(200);
    const page = await list.json();
    for (const item of page.items) releaseListItemOutput.strict().parse(item);
    expect(page).toMatchObject({
      nextCursor: null,
      items: [{ id: release.id, modelVersionCount: 1, deployedIn: [] }],
    });

    const env = (await handle.db.query.environments.findFirst())!;
    await insertDeployment(handle.db, env, { releaseId: release.id });
    const detail = await call(getRelease, "GET", `/releases/${release.id}`, { id: release.id }, "reader");
    expect(detail.status).toBe(200);
    const { release: read } = await detail.json();
    releaseDetailOutput.strict().parse(read);
    expect(read).toMatchObject({
      version: "v1.0.0",
      buildRun: { status: "succeeded" },
      modelVersions: [{ id: versionId, modelName: "ranker", primaryMetricValue: 0.8 }],
      environments: [{ slug: "staging", runsHere: true, deployments: [{ status: "succeeded" }] }],
    });
    const deployedPage = await (
      await call(listReleases, "GET", "/releases?environment=staging", {}, "reader")
    ).json();
    expect(deployedPage.items.map((r: { id: string }) => r.id)).toEqual([release.id]);
  });

  it("answers bad input with 400 in the one error shape and stores nothing", async () => {
    const before = (await handle.db.select().from(releases)).length;
    const bad = await call(createRelease, "POST", "/releases", {}, "writer", {
      project: "alpha",
      version: "v2",
      commitSha: "not-hex!",
      modelVersionIds: ["nope"],
    });
    expect(bad.status).toBe(400);
    const { error } = await bad.json();
    expect(error.code).toBe("invalid_request");
    expect(error.details.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(["commitSha", "modelVersionIds.0"]),
    );
    const unknownRun = await call(createRelease, "POST", "/releases", {}, "writer", {
      project: "alpha",
      version: "v2",
      buildRun: { provider: "github", externalId: "1" },
    });
    expect(unknownRun.status).toBe(400);
    expect((await call(listReleases, "GET", "/releases?limit=0", {}, "reader")).status).toBe(400);
    expect((await handle.db.select().from(releases)).length).toBe(before);
  });

  it("checks the token: 401 without, 403 without the scope or role, 404 outside its projects", async () => {
    const body = { project: "alpha", version: "v3", commitSha: "abcdef12" };
    expect((await call(createRelease, "POST", "/releases", {}, null, body)).status).toBe(401);
    expect((await call(createRelease, "POST", "/releases", {}, "reader", body)).status).toBe(403);
    expect((await call(listReleases, "GET", "/releases", {}, "models-only")).status).toBe(403);
    expect((await call(createRelease, "POST", "/releases", {}, "beta-writer", body)).status).toBe(404);
    const [alphaRelease] = await handle.db.select().from(releases).where(eq(releases.projectId, alphaId));
    const hidden = await call(
      getRelease,
      "GET",
      `/releases/${alphaRelease!.id}`,
      { id: alphaRelease!.id },
      "beta-writer",
    );
    expect(hidden.status).toBe(404);
    expect(
      (await call(listReleases, "GET", `/releases?projectId=${alphaId}`, {}, "beta-writer")).status,
    ).toBe(404);
    const own = await call(createRelease, "POST", "/releases", {}, "beta-writer", {
      ...body,
      project: "beta",
    });
    expect(own.status).toBe(201);
    const betaList = await (await call(listReleases, "GET", "/releases", {}, "beta-writer")).json();
    expect(betaList.items.map((r: { projectId: string }) => r.projectId)).toEqual([betaId]);
  });
});
