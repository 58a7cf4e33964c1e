import { afterAll, beforeAll, expect, it } from "vitest";
import { generateApiToken } from "@/lib/auth/api-token";
import { useDatabaseHandle } from "@/lib/db";
import { apiTokens, pipelineRuns, pipelines, projects, users } from "@/lib/db/schema";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { GET } from "./route";

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;

describeEachDatabase("GET /api/v1/runs", (kind) => {
  let handle: Handle;
  const secrets: Record<string, string> = {};

  async function token(name: string, userId: string, scopes: string[], projectIds: string[] | null = null) {
    const { secret, hash, prefix } = generateApiToken();
    await handle.db.insert(apiTokens).values({ userId, name, tokenHash: hash, prefix, scopes, projectIds });
    secrets[name] = secret;
  }

  function call(query: string, headers: Record<string, string> = {}) {
    const request = new Request(`http://tandem.test/api/v1/runs${query}`, { headers });
    return GET(request, { params: Promise.resolve({}) });
  }

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    useDatabaseHandle(handle);
    const [alpha, beta] = await handle.db
      .insert(projects)
      .values([
        { slug: "alpha", name: "Alpha" },
        { slug: "beta", name: "Beta" },
      ])
      .returning();
    const [pipeline] = await handle.db
      .insert(pipelines)
      .values({ projectId: alpha!.id, provider: "github", externalId: "1", name: "CI" })
      .returning();
    await handle.db.insert(pipelineRuns).values(
      Array.from({ length: 5 }, (_, i) => ({
        pipelineId: pipeline!.id,
        projectId: alpha!.id,
        provider: "github" as const,
        externalId: String(100 + i),
        status: i === 0 ? ("failed" as const) : ("succeeded" as const),
        queuedAt: new Date(Date.UTC(2026, 0, 1 + i)),
      })),
    );
    const [viewer, disabled] = await handle.db
      .insert(users)
      .values([
        { email: "viewer@example.com", name: "V", role: "viewer" },
        { email: "gone@example.com", name: "G", role: "engineer", disabledAt: new Date() },
      ])
      .returning();
    await token("reader", viewer!.id, ["runs:read"]);
    await token("overview-only", viewer!.id, ["overview:read"]);
    await token("beta-only", viewer!.id, ["runs:read"], [beta!.id]);
    await token("disabled-owner", disabled!.id, ["runs:read"]);
    // A viewer's token asking for more than the role allows is narrowed to the role.
    await token("too-wide", viewer!.id, ["runs:write"]);
  });
  afterAll(() => handle.drop());

  const bearer = (name: string) => ({ authorization: `Bearer ${secrets[name]}` });

  it("answers 401 in the one error shape without credentials", async () => {
    const response = await call("");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: "unauthenticated", message: expect.any(String) },
    });
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("answers 401 for an unknown token, a malformed header and a disabled owner", async () => {
    expect((await call("", { authorization: "Bearer tdm_nope_nope_nope_nope_nope" })).status).toBe(401);
    expect((await call("", { authorization: "Token abc" })).status).toBe(401);
    expect((await call("", bearer("disabled-owner"))).status).toBe(401);
  });

  it("answers 403 naming the missing permission when the token lacks the scope", async () => {
    const response = await call("", bearer("overview-only"));
    expect(response.status).toBe(403);
    const body = await response.json();
    expect(body.error.code).toBe("forbidden");
    expect(body.error.details).toEqual({ permission: "runs:read" });
  });

  it("lists runs newest first with keyset pages", async () => {
    const first = await call("?limit=3", bearer("reader"));
    expect(first.status).toBe(200);
    const page1 = await first.json();
    expect(page1.items.map((r: { runNumber: null; queuedAt: string }) => r.queuedAt.slice(0, 10))).toEqual([
      "2026-01-05",
      "2026-01-04",
      "2026-01-03",
    ]);
    const page2 = await (await call(`?limit=3&cursor=${page1.nextCursor}`, bearer("reader"))).json();
    expect(page2.items).toHaveLength(2);
    expect(page2.nextCursor).toBeNull();
  });

  it("filters by status and validates the query", async () => {
    const failed = await (await call("?status=failed", bearer("reader"))).json();
    expect(failed.items).toHaveLength(1);
    const bad = await call("?status=exploded", bearer("reader"));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details.fields[0].path).toBe("status");
    expect((await call("?cursor=garbage", bearer("reader"))).status).toBe(400);
  });

  it("keeps a project-limited token inside its projects", async () => {
    const own = await (await call("", bearer("beta-only"))).json();
    expect(own.items).toHaveLength(0);
    expect((await call("?project=alpha", bearer("beta-only"))).status).toBe(404);
  });

  it("never lets token scopes exceed the owner's role", async () => {
    expect((await call("", bearer("too-wide"))).status).toBe(403);
  });
});
