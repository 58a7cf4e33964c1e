import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import {
  expectAppError,
  inRollback,
  insertDeployment,
  insertEnvironment,
  insertModel,
  insertModelVersion,
  insertProject,
  insertRelease,
  minutesAfter,
  setModelAlias,
  testActor,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { getModel } from "./get-model";
import { type GetModelInput, MODEL_VERSIONS_PAGE } from "./get-model-input";
import { getModelVersion } from "./get-version";

const T0 = new Date("2026-01-10T10:00:00.000Z");

/**
 * ranker v1..v3 in staging/production: production ran v1, then v2 (now); staging ran v2,
 * then v3 (now), then a failed v1 attempt; a release deploy to production (another subject)
 * does not displace v2. A second model's deploy to staging does not either.
 */
async function seed(db: Executor) {
  const project = await insertProject(db, { slug: "shop", name: "Shop" });
  const staging = await insertEnvironment(db, project.id, { slug: "staging", name: "Staging", position: 1 });
  const production = await insertEnvironment(db, project.id, {
    slug: "production",
    name: "Production",
    position: 2,
    isProduction: true,
  });
  const dev = await insertEnvironment(db, project.id, { slug: "dev", name: "Dev", position: 0 });
  const ranker = await insertModel(db, project.id, { name: "ranker", primaryMetric: "ndcg" });
  const other = await insertModel(db, project.id, { name: "other" });
  const v1 = await insertModelVersion(db, ranker.id, 1, {
    metrics: { ndcg: 0.7 },
    createdAt: minutesAfter(T0, 1),
  });
  const v2 = await insertModelVersion(db, ranker.id, 2, {
    metrics: { ndcg: 0.75 },
    createdAt: minutesAfter(T0, 2),
  });
  const v3 = await insertModelVersion(db, ranker.id, 3, {
    metrics: { ndcg: 0.8, loss: 0.1 },
    createdAt: minutesAfter(T0, 3),
    status: "ready",
  });
  const otherV1 = await insertModelVersion(db, other.id, 1);
  await setModelAlias(db, ranker.id, "champion", v2.id);
  await setModelAlias(db, ranker.id, "challenger", v3.id);
  await setModelAlias(db, ranker.id, "baseline", v2.id);
  const at = (m: number) => ({ startedAt: minutesAfter(T0, m) });
  await insertDeployment(db, production, { modelVersionId: v1.id, ...at(10) });
  const prodNow = await insertDeployment(db, production, { modelVersionId: v2.id, ...at(20) });
  const release = await insertRelease(db, project.id);
  await insertDeployment(db, production, { releaseId: release.id, ...at(30) });
  await insertDeployment(db, staging, { modelVersionId: v2.id, ...at(11) });
  const stagingNow = await insertDeployment(db, staging, { modelVersionId: v3.id, ...at(21) });
  await insertDeployment(db, staging, { modelVersionId: v1.id, status: "failed", ...at(31) });
  await insertDeployment(db, staging, { modelVersionId: otherV1.id, ...at(41) });
  return { project, staging, production, dev, ranker, v1, v2, v3, prodNow, stagingNow };
}

describeEachDatabase("getModel / getModelVersion", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());
  const viewer = testActor("viewer");

  it("reads a model with versions newest first, aliases and where each version runs now", () =>
    inRollback(handle.db, async (db) => {
      const s = await seed(db);
      const model = await getModel({ db, actor: viewer }, { id: s.ranker.id });
      expect(model).toMatchObject({
        id: s.ranker.id,
        name: "ranker",
        primaryMetric: "ndcg",
        project: { id: s.project.id, slug: "shop", name: "Shop" },
        versionCount: 3,
      });
      expect(model.environments.map((e) => e.slug)).toEqual(["dev", "staging", "production"]);
      expect(model.aliases.map((a) => [a.alias, a.version])).toEqual([
        ["baseline", 2],
        ["challenger", 3],
        ["champion", 2],
      ]);
      expect(
        model.versions.map((v) => ({
          version: v.version,
          status: v.status,
          metrics: v.metrics,
          aliases: v.aliases,
          deployedIn: v.deployedIn.map((d) => [d.environmentSlug, d.deploymentId]),
        })),
      ).toEqual([
        {
          version: 3,
          status: "ready",
          metrics: { ndcg: 0.8, loss: 0.1 },
          aliases: ["challenger"],
          deployedIn: [["staging", s.stagingNow.id]],
        },
        {
          version: 2,
          status: "registered",
          metrics: { ndcg: 0.75 },
          aliases: ["baseline", "champion"],
          deployedIn: [["production", s.prodNow.id]],
        },
        { version: 1, status: "registered", metrics: { ndcg: 0.7 }, aliases: [], deployedIn: [] },
      ]);
      expect(model.versions[1]!.deployedIn[0]).toMatchObject({
        environmentName: "Production",
        isProduction: true,
        deployedAt: minutesAfter(T0, 20),
      });
    }));

  it("pages and sorts versions in SQL, with metric columns and one metric across versions", () =>
    inRollback(handle.db, async (db) => {
      const s = await seed(db);
      const read = (input: Omit<GetModelInput, "id">) =>
        getModel({ db, actor: viewer }, { id: s.ranker.id, ...input });
      const first = await read({});
      expect(first.metricColumns).toEqual(["ndcg", "loss"]);
      expect(first.versionsPage).toEqual({
        sort: "version",
        dir: "desc",
        offset: 0,
        limit: MODEL_VERSIONS_PAGE,
      });
      expect(first.metricSeries).toEqual({
        metric: "ndcg",
        points: [
          { version: 1, value: 0.7 },
          { version: 2, value: 0.75 },
          { version: 3, value: 0.8 },
        ],
      });
      // A gap (v1, v2 have no loss) sorts last in both directions; the chart follows `metric`.
      const byLoss = await read({ sort: "loss", dir: "asc", metric: "loss" });
      expect(byLoss.versions.map((v) => v.version)).toEqual([3, 2, 1]);
      expect(byLoss.metricSeries?.points.map((p) => p.value)).toEqual([null, null, 0.1]);
      expect((await read({ sort: "ndcg", dir: "asc" })).versions.map((v) => v.version)).toEqual([1, 2, 3]);
      expect((await read({ sort: "ndcg", dir: "desc" })).versions.map((v) => v.version)).toEqual([3, 2, 1]);
      // An unknown chart metric falls back to the first column; an unknown sort key is all gaps.
      expect((await read({ metric: "nope" })).metricSeries?.metric).toBe("ndcg");
      expect((await read({ sort: "nope" })).versions.map((v) => v.version)).toEqual([3, 2, 1]);
      const second = await read({ offset: 1, limit: 1 });
      expect(second.versions.map((v) => [v.version, v.aliases])).toEqual([[2, ["baseline", "champion"]]]);
      expect(second.versions[0]!.deployedIn.map((d) => d.environmentSlug)).toEqual(["production"]);
      expect(second.versionCount).toBe(3);
      expect((await read({ offset: 3 })).versions).toEqual([]);
      await expectAppError(read({ limit: 0 }), "invalid_request");
      await expectAppError(read({ dir: "up" as "asc" }), "invalid_request");
    }));

  it("has no metric columns or series for a model without versions", () =>
    inRollback(handle.db, async (db) => {
      const project = await insertProject(db);
      const bare = await insertModel(db, project.id, { name: "bare" });
      const model = await getModel({ db, actor: viewer }, { id: bare.id });
      expect(model).toMatchObject({ versionCount: 0, versions: [], metricColumns: [], metricSeries: null });
      expect(model.aliases).toEqual([]);
    }));

  it("reads a version with aliases and its deployments, marking the ones running now", () =>
    inRollback(handle.db, async (db) => {
      const s = await seed(db);
      const v2 = await getModelVersion({ db, actor: viewer }, { id: s.v2.id });
      expect(v2).toMatchObject({
        modelName: "ranker",
        projectSlug: "shop",
        version: 2,
        aliases: ["baseline", "champion"],
      });
      expect(v2.deployments.map((d) => [d.environmentSlug, d.status, d.current])).toEqual([
        ["production", "succeeded", true],
        ["staging", "succeeded", false],
      ]);
      const v1 = await getModelVersion({ db, actor: viewer }, { id: s.v1.id });
      expect(v1.deployments.map((d) => [d.environmentSlug, d.status, d.current])).toEqual([
        ["staging", "failed", false],
        ["production", "succeeded", false],
      ]);
    }));

  it("answers 404 for unknown ids and outside the actor's projects, 403 without models:read", () =>
    inRollback(handle.db, async (db) => {
      const s = await seed(db);
      const other = await insertProject(db);
      const limited = testActor("viewer", [other.id]);
      await expectAppError(getModel({ db, actor: limited }, { id: s.ranker.id }), "not_found");
      await expectAppError(getModelVersion({ db, actor: limited }, { id: s.v1.id }), "not_found");
      await expectAppError(getModel({ db, actor: viewer }, { id: "nope" }), "not_found");
      await expectAppError(getModelVersion({ db, actor: viewer }, { id: s.ranker.id }), "not_found");
      const noScope = { ...viewer, permissions: new Set<never>() };
      await expectAppError(getModel({ db, actor: noScope }, { id: s.ranker.id }), "forbidden");
      await expectAppError(getModelVersion({ db, actor: noScope }, { id: s.v1.id }), "forbidden");
      const own = testActor("viewer", [s.project.id]);
      expect((await getModel({ db, actor: own }, { id: s.ranker.id })).versionCount).toBe(3);
    }));
});
