import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import {
  actorWithRole,
  expectAppError,
  inRollback,
  insertDeployment,
  insertEnvironment,
  insertModel,
  insertModelVersion,
  insertPipeline,
  insertProject,
  insertPromotionRequest,
  insertRun,
  insertUser,
  minutesAfter,
  setModelAlias,
  testActor,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { requestPromotion } from "@/lib/gates/request-promotion";
import { writeHistory } from "./history";
import { MAX_POINTS_PER_LINE } from "./history-lines";
import { loadVersionPage } from "./load-version-page";

const T0 = new Date("2026-03-01T00:00:00.000Z");
const SHA = "4f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c";

/**
 * fraud v1..v3 in a project with Development → Staging → Production: v1 runs in production,
 * v2 (trained by a GitLab run) in development and staging, v3 holds `champion` and runs nowhere.
 */
async function seed(db: Executor) {
  const project = await insertProject(db, { slug: "fraud" });
  const dev = await insertEnvironment(db, project.id, {
    slug: "development",
    name: "Development",
    position: 0,
  });
  const staging = await insertEnvironment(db, project.id, { slug: "staging", name: "Staging", position: 1 });
  const prod = await insertEnvironment(db, project.id, {
    slug: "production",
    name: "Production",
    position: 2,
    isProduction: true,
  });
  const pipeline = await insertPipeline(db, project.id, {
    provider: "gitlab",
    name: "fraud-training",
    kind: "training",
  });
  const run = await insertRun(db, pipeline, {
    provider: "gitlab",
    runNumber: 412,
    commitSha: SHA,
    url: "https://gitlab.com/acme/fraud-training/-/pipelines/9001",
    queuedAt: T0,
  });
  const model = await insertModel(db, project.id, { name: "fraud", primaryMetric: "auc" });
  const v1 = await insertModelVersion(db, model.id, 1, { metrics: { auc: 0.91, log_loss: 0.3 } });
  const v2 = await insertModelVersion(db, model.id, 2, {
    metrics: { log_loss: 0.25, auc: 0.93 },
    params: { max_depth: "7" },
    tags: { team: "risk" },
    sourceRunId: run.id,
    framework: "xgboost",
    createdAt: minutesAfter(T0, 30),
  });
  const v3 = await insertModelVersion(db, model.id, 3, { metrics: { auc: 0.92 } });
  await setModelAlias(db, model.id, "champion", v3.id);
  await setModelAlias(db, model.id, "challenger", v2.id);
  await insertDeployment(db, prod, { modelVersionId: v1.id, startedAt: minutesAfter(T0, 10) });
  await insertDeployment(db, dev, { modelVersionId: v2.id, startedAt: minutesAfter(T0, 40) });
  const toStaging = await insertDeployment(db, staging, {
    modelVersionId: v2.id,
    startedAt: minutesAfter(T0, 50),
  });
  // A failed attempt at production does not make v2 run there.
  await insertDeployment(db, prod, {
    modelVersionId: v2.id,
    status: "failed",
    startedAt: minutesAfter(T0, 55),
  });
  const author = await insertUser(db, { name: "Erin Engineer", role: "engineer" });
  const rejected = await insertPromotionRequest(db, prod, author.id, {
    modelVersionId: v2.id,
    status: "rejected",
    createdAt: minutesAfter(T0, 52),
    decidedAt: minutesAfter(T0, 53),
  });
  const deployed = await insertPromotionRequest(db, staging, author.id, {
    modelVersionId: v2.id,
    status: "deployed",
    deploymentId: toStaging.id,
    createdAt: minutesAfter(T0, 45),
  });
  // Another version's request is not listed on v2's page.
  await insertPromotionRequest(db, staging, author.id, { modelVersionId: v3.id });
  const history = Array.from({ length: 3_000 }, (_, step) => ({
    key: "val_loss",
    step,
    value: step === 2_222 ? 50 : 1 / (step + 1),
  }));
  await writeHistory(db, v2.id, [...history, { key: "auc", step: 0, value: 0.5 }], T0, "insert");
  return { project, env: { dev, staging, prod }, run, model, v1, v2, v3, rejected, deployed };
}

describeEachDatabase("loadVersionPage", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());
  const viewer = testActor("viewer");

  it("loads lineage from commit to training run, deployments, and where it runs per environment", () =>
    inRollback(handle.db, async (db) => {
      const s = await seed(db);
      const page = await loadVersionPage({ db, actor: viewer }, { modelId: s.model.id, version: "2" });
      expect(page.model).toMatchObject({ id: s.model.id, name: "fraud", primaryMetric: "auc" });
      expect(page.version).toMatchObject({ id: s.v2.id, version: 2, framework: "xgboost" });
      expect(page.version.aliases).toEqual(["challenger"]);
      expect(page.version.lineage.commitSha).toBe(SHA);
      expect(page.version.lineage.sourceRun).toMatchObject({ id: s.run.id, runNumber: 412 });
      expect(page.commitUrl).toBe(`https://gitlab.com/acme/fraud-training/-/commit/${SHA}`);
      expect(page.version.deployments.map((d) => [d.environmentName, d.status, d.current])).toEqual([
        ["Production", "failed", false],
        ["Staging", "succeeded", true],
        ["Development", "succeeded", true],
      ]);
      expect(page.environments.map((e) => [e.name, e.since, e.otherVersion])).toEqual([
        ["Development", minutesAfter(T0, 40), null],
        ["Staging", minutesAfter(T0, 50), null],
        ["Production", null, 1],
      ]);
      expect(page.production).toEqual({ version: 1, metrics: { auc: 0.91, log_loss: 0.3 } });
      expect(page.compareWith).toEqual({ version: 1, reason: "production" });
    }));

  it("lists the version's promotion requests newest first, including one just requested", () =>
    inRollback(handle.db, async (db) => {
      const s = await seed(db);
      const engineer = await actorWithRole(db, "engineer", { name: "Eve Requester" });
      const { request } = await requestPromotion(
        { db, actor: engineer, now: minutesAfter(T0, 60) },
        { modelVersionId: s.v2.id, environment: "production", reason: "better auc" },
      );
      const page = await loadVersionPage({ db, actor: viewer }, { modelId: s.model.id, version: 2 });
      expect(page.promotions.map((p) => [p.id, p.environmentName, p.status, p.requestedBy])).toEqual([
        [request.id, "Production", "pending", "Eve Requester"],
        [s.rejected.id, "Production", "rejected", "Erin Engineer"],
        [s.deployed.id, "Staging", "deployed", "Erin Engineer"],
      ]);
      expect(page.promotions[2]).toMatchObject({ deploymentId: expect.any(String), isRollback: false });
      expect(page.promotionsMore).toBe(false);
    }));

  it("sends metric history downsampled, sorted by key, with the spike kept", () =>
    inRollback(handle.db, async (db) => {
      const s = await seed(db);
      const page = await loadVersionPage({ db, actor: viewer }, { modelId: s.model.id, version: 2 });
      expect(page.history.map((h) => [h.key, h.total])).toEqual([
        ["auc", 1],
        ["val_loss", 3_000],
      ]);
      const loss = page.history[1]!;
      expect(loss.points.length).toBeLessThanOrEqual(MAX_POINTS_PER_LINE);
      expect(loss.points.some((p) => p.step === 2_222 && p.value === 50)).toBe(true);
      // A version without history has none.
      const v1 = await loadVersionPage({ db, actor: viewer }, { modelId: s.model.id, version: 1 });
      expect(v1.history).toEqual([]);
    }));

  it("pairs production with the champion, and a lone pair with its neighbour", () =>
    inRollback(handle.db, async (db) => {
      const s = await seed(db);
      const ctx = { db, actor: viewer };
      const v1 = await loadVersionPage(ctx, { modelId: s.model.id, version: 1 });
      expect(v1.compareWith).toEqual({ version: 3, reason: "champion" });
      expect(v1.environments.find((e) => e.isProduction)).toMatchObject({
        since: minutesAfter(T0, 10),
        otherVersion: null,
      });
      const other = await insertModel(db, s.project.id, { name: "solo" });
      await insertModelVersion(db, other.id, 1);
      await insertModelVersion(db, other.id, 4);
      expect((await loadVersionPage(ctx, { modelId: other.id, version: 4 })).compareWith).toEqual({
        version: 1,
        reason: "neighbour",
      });
      expect((await loadVersionPage(ctx, { modelId: other.id, version: 1 })).compareWith).toEqual({
        version: 4,
        reason: "neighbour",
      });
      const alone = await insertModel(db, s.project.id, { name: "alone" });
      await insertModelVersion(db, alone.id, 1);
      const page = await loadVersionPage(ctx, { modelId: alone.id, version: 1 });
      expect(page.compareWith).toBeNull();
      expect(page.production).toBeNull();
      expect(page.commitUrl).toBeNull();
    }));

  it("is a 404 outside the actor's projects, for an unknown model or version; 400 for a bad number", () =>
    inRollback(handle.db, async (db) => {
      const s = await seed(db);
      const elsewhere = await insertProject(db, { slug: "elsewhere" });
      const limited = testActor("viewer", [elsewhere.id]);
      await expectAppError(
        loadVersionPage({ db, actor: limited }, { modelId: s.model.id, version: 2 }),
        "not_found",
      );
      const own = testActor("viewer", [s.project.id]);
      expect(
        (await loadVersionPage({ db, actor: own }, { modelId: s.model.id, version: 2 })).version.id,
      ).toBe(s.v2.id);
      await expectAppError(
        loadVersionPage({ db, actor: viewer }, { modelId: s.model.id, version: 9 }),
        "not_found",
      );
      await expectAppError(
        loadVersionPage({ db, actor: viewer }, { modelId: "not-a-uuid", version: 1 }),
        "not_found",
      );
      await expectAppError(
        loadVersionPage({ db, actor: viewer }, { modelId: crypto.randomUUID(), version: 1 }),
        "not_found",
      );
      for (const bad of ["0", "abc", "1.5", "-1", "1e3"]) {
        await expectAppError(
          loadVersionPage({ db, actor: viewer }, { modelId: s.model.id, version: bad }),
          "invalid_request",
        );
      }
    }));
});
