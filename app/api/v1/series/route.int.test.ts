import { afterAll, beforeAll, expect, it } from "vitest";
import { generateApiToken } from "@/lib/auth/api-token";
import { useDatabaseHandle } from "@/lib/db";
import { apiTokens } from "@/lib/db/schema";
import { actorWithRole, insertEnvironment, insertProject, insertUser } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { ingestMetrics } from "@/lib/monitoring/ingest-metrics";
import { GET as getPoints } from "./points/route";
import { GET as listSeries } from "./route";

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;
const MINUTE = 60_000;

describeEachDatabase("GET /api/v1/series and /api/v1/series/points", (kind) => {
  let handle: Handle;
  const secrets: Record<string, string> = {};
  const to = Math.floor(Date.now() / MINUTE) * MINUTE;

  async function token(name: string, userId: string, scopes: string[], projectIds: string[] | null = null) {
    const { secret, hash, prefix } = generateApiToken();
    await handle.db.insert(apiTokens).values({ userId, name, tokenHash: hash, prefix, scopes, projectIds });
    secrets[name] = secret;
  }

  async function get(handler: typeof listSeries, path: string, who: string) {
    const request = new Request(`http://tandem.test${path}`, {
      headers: { authorization: `Bearer ${secrets[who]}` },
    });
    const response = await handler(request, { params: Promise.resolve({}) });
    return { status: response.status, body: await response.json() };
  }

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    useDatabaseHandle(handle);
    const alpha = await insertProject(handle.db, { slug: "alpha" });
    const beta = await insertProject(handle.db, { slug: "beta" });
    await insertEnvironment(handle.db, alpha.id, { slug: "production" });
    const ctx = { db: handle.db, actor: await actorWithRole(handle.db, "engineer") };
    const points = (base: number) => Array.from({ length: 60 }, (_, i) => [to - (60 - i) * MINUTE, base + i]);
    await ingestMetrics(ctx, {
      series: [
        {
          name: "latency_p95_ms",
          labels: { project: "alpha", environment: "production", service: "api" },
          points: points(100),
        },
        {
          name: "error_rate",
          labels: { project: "alpha", environment: "staging", service: "api" },
          points: points(0),
        },
        { name: "latency_p95_ms", labels: { project: "beta", service: "web" }, points: points(200) },
      ],
    });
    const viewer = await insertUser(handle.db, { role: "viewer" });
    await token("reader", viewer.id, ["monitoring:read"]);
    await token("beta-only", viewer.id, ["monitoring:read"], [beta.id]);
  });
  afterAll(() => handle.drop());

  it("lists series with labels, filtered by project, name and environment", async () => {
    const all = await get(listSeries, "/api/v1/series", "reader");
    expect(all.status).toBe(200);
    expect(all.body.items.map((s: { key: string }) => s.key)).toEqual([
      'error_rate{environment="staging",project="alpha",service="api"}',
      'latency_p95_ms{environment="production",project="alpha",service="api"}',
      'latency_p95_ms{project="beta",service="web"}',
    ]);
    const filtered = await get(
      listSeries,
      "/api/v1/series?project=alpha&name=latency_p95_ms&environment=production",
      "reader",
    );
    expect(filtered.body.items).toHaveLength(1);
    expect(filtered.body.items[0]).toMatchObject({
      name: "latency_p95_ms",
      labels: { project: "alpha", environment: "production", service: "api" },
      projectSlug: "alpha",
      environmentSlug: "production",
    });
    // "staging" is a label but no such environment exists: the series is not linked to one.
    expect((await get(listSeries, "/api/v1/series?environment=staging", "reader")).body.items).toHaveLength(
      0,
    );
    const paged = await get(listSeries, "/api/v1/series?limit=2", "reader");
    const rest = await get(listSeries, `/api/v1/series?limit=2&cursor=${paged.body.nextCursor}`, "reader");
    expect(rest.body.items.map((s: { projectSlug: string }) => s.projectSlug)).toEqual(["beta"]);
    expect(rest.body.nextCursor).toBeNull();
  });

  it("keeps a project-limited token to its projects", async () => {
    const own = await get(listSeries, "/api/v1/series", "beta-only");
    expect(own.body.items.map((s: { projectSlug: string }) => s.projectSlug)).toEqual(["beta"]);
    expect((await get(listSeries, "/api/v1/series?project=alpha", "beta-only")).status).toBe(404);
  });

  it("answers downsampled points per series with at most maxPoints buckets", async () => {
    const series = (await get(listSeries, "/api/v1/series?project=alpha", "reader")).body.items as {
      id: string;
      name: string;
    }[];
    const ids = series.map((s) => s.id).join(",");
    const from = new Date(to - 60 * MINUTE).toISOString();
    const query = `ids=${ids}&from=${from}&to=${to}&maxPoints=20`;
    const { status, body } = await get(getPoints, `/api/v1/series/points?${query}`, "reader");
    expect(status).toBe(200);
    expect(body.bucketMs).toBe(3 * MINUTE);
    expect(body.series).toHaveLength(2);
    const latency = body.series.find((s: { name: string }) => s.name === "latency_p95_ms");
    expect(latency.buckets).toHaveLength(20);
    // Compact buckets: [start epoch ms, min, max, avg, count].
    expect(latency.buckets[0]).toEqual([Date.parse(from), 100, 102, 101, 3]);
    expect(latency.buckets.at(-1)[2]).toBe(159);
    expect(body.series.map((s: { id: string }) => s.id)).toEqual(series.map((s) => s.id));
    expect(Object.keys(latency)).toEqual(["id", "key", "name", "unit", "labels", "buckets"]);
  });

  it("validates the query and hides other projects' series", async () => {
    const series = (await get(listSeries, "/api/v1/series?project=alpha", "reader")).body.items as {
      id: string;
    }[];
    const bad = await get(getPoints, `/api/v1/series/points?ids=${series[0]!.id}&from=yesterday`, "reader");
    expect(bad.status).toBe(400);
    expect((await get(getPoints, "/api/v1/series/points?ids=not-a-uuid", "reader")).status).toBe(400);
    const hidden = await get(getPoints, `/api/v1/series/points?ids=${series[0]!.id}`, "beta-only");
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.details).toEqual({ missing: [series[0]!.id] });
  });
});
