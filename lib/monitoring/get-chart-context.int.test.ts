import { afterAll, beforeAll, expect, it } from "vitest";
import type { Executor } from "@/lib/db/client";
import { alertRules, metricSeries } from "@/lib/db/schema";
import {
  insertAlert,
  insertDeployment,
  insertEnvironment,
  insertModel,
  insertModelVersion,
  insertProject,
  insertRelease,
  minutesAfter,
  testActor,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { getChartContext } from "./get-chart-context";

const NOW = new Date("2026-03-02T12:00:00.000Z");

async function seed(db: Executor) {
  const shop = await insertProject(db, { slug: "shop" });
  const bank = await insertProject(db, { slug: "bank" });
  const prod = await insertEnvironment(db, shop.id, { slug: "production", isProduction: true });
  const model = await insertModel(db, shop.id, { name: "fraud" });
  const v7 = await insertModelVersion(db, model.id, 7);
  const release = await insertRelease(db, shop.id, { version: "1.4.2" });
  const [api, scorer, other] = await db
    .insert(metricSeries)
    .values([
      {
        key: 'latency{service="api"}',
        name: "latency",
        kind: "service",
        projectId: shop.id,
        environmentId: prod.id,
        labels: { project: "shop", service: "api" },
      },
      {
        key: 'accuracy{model="fraud"}',
        name: "accuracy",
        kind: "model",
        projectId: shop.id,
        modelVersionId: v7.id,
        labels: { project: "shop", model: "fraud", version: "7" },
      },
      {
        key: 'latency{service="web"}',
        name: "latency",
        kind: "service",
        projectId: bank.id,
        labels: { project: "bank", service: "web" },
      },
    ])
    .returning();
  await insertDeployment(db, prod, {
    releaseId: release.id,
    startedAt: minutesAfter(NOW, -62),
    finishedAt: minutesAfter(NOW, -60),
  });
  await insertDeployment(db, prod, {
    modelVersionId: v7.id,
    startedAt: minutesAfter(NOW, -30),
    finishedAt: minutesAfter(NOW, -29),
  });
  await insertDeployment(db, prod, { releaseId: release.id, startedAt: minutesAfter(NOW, -5000) }); // before the range
  const [rule] = await db
    .insert(alertRules)
    .values({ name: "Slow", comparator: "gt", threshold: 300, projectId: shop.id, seriesId: api!.id })
    .returning();
  await insertAlert(db, rule!, { state: "firing", firedAt: minutesAfter(NOW, -3) });
  return { shop, model, api: api!, scorer: scorer!, other: other! };
}

describeEachDatabase("getChartContext", (kind) => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  let ids: Awaited<ReturnType<typeof seed>>;
  const read = (input: Partial<Parameters<typeof getChartContext>[1]>, projectIds: string[] | null = null) =>
    getChartContext(
      { db: handle.db, actor: testActor("viewer", projectIds), now: NOW },
      { from: minutesAfter(NOW, -24 * 60), to: NOW, ...input },
    );

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    ids = await seed(handle.db);
  });
  afterAll(() => handle.drop());

  it("returns series, deployments in range as linked markers, and rules with their firing state", async () => {
    const context = await read({ projectIds: [ids.shop.id] });
    expect(context.series.map((s) => s.id)).toEqual([ids.scorer.id, ids.api.id]);
    expect(context.series[0]!.modelId).toBe(ids.model.id);
    expect(context.deployments.map((d) => d.label)).toEqual(["1.4.2", "fraud v7"]);
    expect(context.deployments[1]!.href).toBe(`/models/${ids.model.id}/versions/7`);
    expect(context.deployments[0]!.href).toMatch(/^\/deployments\?project=shop&environment=production&at=/);
    expect(context.rules).toEqual([
      expect.objectContaining({ seriesId: ids.api.id, threshold: 300, comparator: "gt", state: "firing" }),
    ]);
  });

  it("narrows to a service or a model, and to the actor's projects", async () => {
    expect((await read({ service: "api" })).series.map((s) => s.id)).toEqual([ids.api.id]);
    const model = await read({ modelId: ids.model.id });
    expect(model.series.map((s) => s.id)).toEqual([ids.scorer.id]);
    expect(model.deployments.map((d) => d.label)).toEqual(["fraud v7"]);
    const limited = await read({}, [ids.other.projectId]);
    expect(limited.series.map((s) => s.id)).toEqual([ids.other.id]);
    expect(limited.deployments).toEqual([]);
  });
});
