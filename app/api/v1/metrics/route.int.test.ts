import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { generateApiToken } from "@/lib/auth/api-token";
import { useDatabaseHandle } from "@/lib/db";
import { apiTokens, metricSeries } from "@/lib/db/schema";
import {
  insertEnvironment,
  insertModel,
  insertModelVersion,
  insertProject,
  insertUser,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { POST } from "./route";

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;
const MINUTE = 60_000;

describeEachDatabase("POST /api/v1/metrics", (kind) => {
  let handle: Handle;
  const secrets: Record<string, string> = {};
  const base = Math.floor(Date.now() / (60 * MINUTE)) * 60 * MINUTE - 24 * 60 * MINUTE;

  async function token(name: string, userId: string, scopes: string[], projectIds: string[] | null = null) {
    const { secret, hash, prefix } = generateApiToken();
    await handle.db.insert(apiTokens).values({ userId, name, tokenHash: hash, prefix, scopes, projectIds });
    secrets[name] = secret;
  }

  function post(who: string, body: unknown) {
    const request = new Request("http://tandem.test/api/v1/metrics", {
      method: "POST",
      headers: { authorization: `Bearer ${secrets[who]}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return POST(request, { params: Promise.resolve({}) });
  }

  async function count(table: "metric_points" | "metric_series" | "metric_rollups") {
    const result = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(table)}`,
    );
    return result.rows[0]!.n;
  }

  const latency = (points: [number | string, number][], labels: Record<string, string> = {}) => ({
    name: "latency_p95_ms",
    labels: { project: "alpha", environment: "production", service: "api", ...labels },
    unit: "ms",
    points,
  });

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    useDatabaseHandle(handle);
    const alpha = await insertProject(handle.db, { slug: "alpha" });
    const beta = await insertProject(handle.db, { slug: "beta" });
    await insertEnvironment(handle.db, alpha.id, { slug: "production" });
    const model = await insertModel(handle.db, alpha.id, { name: "fraud" });
    await insertModelVersion(handle.db, model.id, 3);
    const engineer = await insertUser(handle.db, { role: "engineer" });
    const viewer = await insertUser(handle.db, { role: "viewer" });
    await token("writer", engineer.id, ["monitoring:write"]);
    await token("viewer", viewer.id, ["monitoring:write", "monitoring:read"]);
    await token("beta-only", engineer.id, ["monitoring:write"], [beta.id]);
  });
  afterAll(() => handle.drop());

  it("stores a batch, links project, environment and model version, and is idempotent", async () => {
    const points = Array.from({ length: 30 }, (_, i) => [base + i * MINUTE, 100 + i] as [number, number]);
    const batch = {
      series: [
        latency(points),
        {
          name: "accuracy",
          kind: "model",
          labels: { project: "alpha", model: "fraud", version: "v3" },
          points: [[new Date(base).toISOString(), 0.93]],
        },
      ],
    };
    const first = await post("writer", batch);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ series: 2, points: 31 });
    const again = await post("writer", batch);
    expect(await again.json()).toEqual({ series: 2, points: 31 });
    expect(await count("metric_points")).toBe(31);
    expect(await count("metric_series")).toBe(2);

    const rows = await handle.db.select().from(metricSeries).orderBy(metricSeries.key);
    expect(rows.map((r) => r.key)).toEqual([
      'accuracy{model="fraud",project="alpha",version="v3"}',
      'latency_p95_ms{environment="production",project="alpha",service="api"}',
    ]);
    expect(rows[0]!.modelVersionId).not.toBeNull();
    expect(rows[0]!.kind).toBe("model");
    expect(rows[1]!.environmentId).not.toBeNull();
    expect(rows[1]!.unit).toBe("ms");
  });

  it("lets the last value win for a timestamp, in the batch and across batches, and keeps rollups exact", async () => {
    const at = base + 2 * 60 * MINUTE;
    await post("writer", {
      series: [
        latency(
          [
            [at, 1],
            [at, 2],
          ],
          { service: "dup" },
        ),
      ],
    });
    await post("writer", {
      series: [
        latency(
          [
            [at, 7],
            [at + MINUTE, 9],
          ],
          { service: "dup" },
        ),
      ],
    });
    const stored = await handle.db.execute<{ value: number }>(sql`
      select p.value from metric_points p join metric_series s on s.id = p.series_id
      where s.labels->>'service' = 'dup' order by p.ts`);
    expect(stored.rows.map((r) => r.value)).toEqual([7, 9]);
    const rollups = await handle.db.execute<{ min: number; max: number; sum: number; count: number }>(sql`
      select r.min, r.max, r.sum, r.count from metric_rollups r join metric_series s on s.id = r.series_id
      where s.labels->>'service' = 'dup' and r.grain_seconds = 3600`);
    expect(rollups.rows).toEqual([{ min: 7, max: 9, sum: 16, count: 2 }]);
  });

  it("rejects the whole batch when one point is bad, naming it, and writes nothing", async () => {
    const before = { points: await count("metric_points"), series: await count("metric_series") };
    const good = latency([[base, 1]], { service: "fresh" });
    const bad = latency(
      [
        [base, 1],
        [base + MINUTE, 2],
        [base + 2 * MINUTE, Number.NaN],
      ],
      { service: "broken" },
    );
    const response = await post("writer", { series: [good, bad] });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toContain("Series 1, point 2");
    expect(body.error.details).toEqual({ series: 1, point: 2, reason: "the value must be a finite number" });
    expect({ points: await count("metric_points"), series: await count("metric_series") }).toEqual(before);

    const old = await post("writer", { series: [latency([[Date.now() - 500 * 24 * 60 * MINUTE, 1]])] });
    expect((await old.json()).error.details).toMatchObject({ series: 0, point: 0 });
    const envelope = await post("writer", {
      series: [{ name: "9bad", labels: { project: "alpha" }, points: [] }],
    });
    expect((await envelope.json()).error.details.fields[0].path).toBe("series.0.name");
  });

  it("answers 400 naming an unknown project, and hides projects outside a limited token", async () => {
    const unknown = await post("writer", { series: [latency([[base, 1]], { project: "nope" })] });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.details).toEqual({ series: 0, reason: 'unknown project "nope"' });
    const limited = await post("beta-only", { series: [latency([[base, 1]])] });
    expect(limited.status).toBe(400);
    expect((await limited.json()).error.message).toContain('unknown project "alpha"');
    const own = await post("beta-only", { series: [latency([[base, 1]], { project: "beta" })] });
    expect(own.status).toBe(200);
  });

  it("refuses a viewer (403) even when the token asks for monitoring:write", async () => {
    const response = await post("viewer", { series: [latency([[base, 1]])] });
    expect(response.status).toBe(403);
    expect((await response.json()).error.details).toEqual({ permission: "monitoring:write" });
  });
});
