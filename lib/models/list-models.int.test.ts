import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import {
  allPages,
  expectAppError,
  inRollback,
  insertDeployment,
  insertEnvironment,
  insertModel,
  insertModelVersion,
  insertProject,
  minutesAfter,
  setModelAlias,
  testActor,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { listModels, SPARKLINE_VERSIONS } from "./list-models";

const T0 = new Date("2025-03-01T12:00:00.000Z");

/** shop: ranker (3 versions, champion v2), churn (no versions), forecast (created at the same time as churn); bank: scorer. */
async function seed(db: Executor) {
  const shop = await insertProject(db, { slug: "shop", name: "Shop" });
  const bank = await insertProject(db, { slug: "bank", name: "Bank" });
  const ranker = await insertModel(db, shop.id, {
    name: "ranker",
    primaryMetric: "ndcg",
    createdAt: minutesAfter(T0, 0),
  });
  const churn = await insertModel(db, shop.id, { name: "churn", createdAt: minutesAfter(T0, 10) });
  const forecast = await insertModel(db, shop.id, {
    name: "forecast",
    primaryMetric: "rmse",
    primaryMetricDirection: "lower",
    createdAt: minutesAfter(T0, 10),
  });
  const scorer = await insertModel(db, bank.id, {
    name: "scorer",
    primaryMetric: "auc",
    createdAt: minutesAfter(T0, 20),
  });
  await insertModelVersion(db, ranker.id, 1, { metrics: { ndcg: 0.71 } });
  const v2 = await insertModelVersion(db, ranker.id, 2, { metrics: { loss: 0.3 } });
  await insertModelVersion(db, ranker.id, 3, { metrics: { ndcg: 0.78, loss: 0.2 } });
  await setModelAlias(db, ranker.id, "champion", v2.id);
  await setModelAlias(db, ranker.id, "challenger", v2.id);
  // A metric logged as text must read as a gap, not break the query with a cast error.
  await insertModelVersion(db, forecast.id, 1, { metrics: { rmse: "n/a" as unknown as number } });
  await insertModelVersion(db, scorer.id, 1, { metrics: { auc: 0.9 } });
  return { shop, bank, models: { ranker, churn, forecast, scorer } };
}

describeEachDatabase("listModels", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());
  const viewer = testActor("viewer");

  it("lists newest first with version count, latest, champion and the metric per version", () =>
    inRollback(handle.db, async (db) => {
      const { models } = await seed(db);
      const page = await listModels({ db, actor: viewer }, {});
      const [churnFirst, forecastFirst] = [models.churn.id, models.forecast.id].sort().reverse();
      expect(page.items.map((m) => m.id)).toEqual([
        models.scorer.id,
        churnFirst,
        forecastFirst,
        models.ranker.id,
      ]);
      const ranker = page.items.find((m) => m.name === "ranker");
      expect(ranker).toMatchObject({
        projectSlug: "shop",
        projectName: "Shop",
        primaryMetric: "ndcg",
        primaryMetricDirection: "higher",
        versionCount: 3,
        latestVersion: 3,
        championVersion: 2,
        productionVersion: null,
        metricByVersion: [
          { version: 1, value: 0.71 },
          { version: 2, value: null },
          { version: 3, value: 0.78 },
        ],
        latestMetric: { version: 3, value: 0.78 },
      });
      expect(page.items.find((m) => m.name === "churn")).toMatchObject({
        primaryMetric: null,
        versionCount: 0,
        latestVersion: null,
        championVersion: null,
        productionVersion: null,
        metricByVersion: [],
        latestMetric: null,
      });
      expect(page.items.find((m) => m.name === "forecast")).toMatchObject({
        metricByVersion: [{ version: 1, value: null }],
        latestMetric: null,
      });
    }));

  it("keeps only the newest versions for the sparkline but counts them all", () =>
    inRollback(handle.db, async (db) => {
      const project = await insertProject(db);
      const model = await insertModel(db, project.id, { primaryMetric: "acc" });
      const total = SPARKLINE_VERSIONS + 3;
      for (let v = 1; v <= total; v++)
        await insertModelVersion(db, model.id, v, { metrics: { acc: v / 100 } });
      const [item] = (await listModels({ db, actor: viewer }, {})).items;
      expect(item?.versionCount).toBe(total);
      expect(item?.latestVersion).toBe(total);
      expect(item?.metricByVersion).toHaveLength(SPARKLINE_VERSIONS);
      expect(item?.metricByVersion[0]).toEqual({ version: 4, value: 0.04 });
      expect(item?.metricByVersion.at(-1)).toEqual({ version: total, value: total / 100 });
    }));

  it("names the version production runs now: latest succeeded deployment to a production environment", () =>
    inRollback(handle.db, async (db) => {
      const { shop, models } = await seed(db);
      const production = await insertEnvironment(db, shop.id, { slug: "prod", isProduction: true });
      const staging = await insertEnvironment(db, shop.id, { slug: "staging" });
      const [v1, v2, v3] = await Promise.all(
        [1, 2, 3].map(
          async (n) =>
            (await db.query.modelVersions.findFirst({
              where: (v, { and, eq }) => and(eq(v.modelId, models.ranker.id), eq(v.version, n)),
            }))!,
        ),
      );
      const at = (m: number) => ({ startedAt: minutesAfter(T0, m) });
      await insertDeployment(db, production, { modelVersionId: v1!.id, ...at(10) });
      await insertDeployment(db, production, { modelVersionId: v2!.id, ...at(20) });
      // A later failed attempt and a later staging deploy do not change what production runs.
      await insertDeployment(db, production, { modelVersionId: v3!.id, status: "failed", ...at(30) });
      await insertDeployment(db, staging, { modelVersionId: v3!.id, ...at(40) });
      const items = (await listModels({ db, actor: viewer }, {})).items;
      expect(items.find((m) => m.name === "ranker")?.productionVersion).toBe(2);
      expect(items.find((m) => m.name === "scorer")?.productionVersion).toBeNull();
    }));

  it("searches by part of the name, case-insensitively, with wildcards taken literally", () =>
    inRollback(handle.db, async (db) => {
      const { shop } = await seed(db);
      await insertModel(db, shop.id, { name: "fraud_v2%" });
      const names = async (q: string) =>
        (await listModels({ db, actor: viewer }, { q })).items.map((m) => m.name).sort();
      expect(await names("RANK")).toEqual(["ranker"]);
      expect(await names("r")).toEqual(["churn", "forecast", "fraud_v2%", "ranker", "scorer"]);
      expect(await names("_")).toEqual(["fraud_v2%"]);
      expect(await names("%")).toEqual(["fraud_v2%"]);
      expect(await names("  scorer ")).toEqual(["scorer"]);
      expect(await names("nothing-like-this")).toEqual([]);
      const paged = await allPages((cursor) =>
        listModels({ db, actor: viewer }, { q: "r", limit: 2, cursor }),
      );
      expect(paged.flat()).toHaveLength(5);
    }));

  it("pages with the cursor, including across equal creation times, with no duplicates or gaps", () =>
    inRollback(handle.db, async (db) => {
      await seed(db);
      const everything = (await listModels({ db, actor: viewer }, {})).items.map((m) => m.id);
      for (const limit of [1, 2, 3]) {
        const pages = await allPages((cursor) => listModels({ db, actor: viewer }, { limit, cursor }));
        expect(pages).toHaveLength(Math.ceil(everything.length / limit));
        expect(pages.flat().map((m) => m.id)).toEqual(everything);
      }
    }));

  it("scopes to projects, and shows nothing to an actor limited to another project", () =>
    inRollback(handle.db, async (db) => {
      const { bank, shop } = await seed(db);
      const bankOnly = await listModels({ db, actor: viewer }, { projectIds: [bank.id] });
      expect(bankOnly.items.map((m) => m.name)).toEqual(["scorer"]);
      const other = await insertProject(db);
      const tokenActor = testActor("viewer", [other.id]);
      expect((await listModels({ db, actor: tokenActor }, {})).items).toEqual([]);
      expect((await listModels({ db, actor: tokenActor }, { projectIds: [shop.id] })).items).toEqual([]);
    }));

  it("refuses an actor without models:read and rejects a bad cursor", () =>
    inRollback(handle.db, async (db) => {
      const noScope = { ...testActor("viewer", []), permissions: new Set<never>() };
      await expectAppError(listModels({ db, actor: noScope }, {}), "forbidden");
      await expectAppError(listModels({ db, actor: viewer }, { cursor: "%%%" }), "invalid_request");
      await expectAppError(listModels({ db, actor: viewer }, { limit: 0 }), "invalid_request");
    }));
});
