import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { modelMetricHistory } from "@/lib/db/schema";
import {
  expectAppError,
  inRollback,
  insertModel,
  insertPipeline,
  insertProject,
  insertRun,
  testActor,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { registerModelVersion } from "./register-version";
import { engineerIn, history, rowCounts, T0 } from "./register-version-test-fixtures";

describeEachDatabase("registerModelVersion", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());

  it("registers params, tags, metrics, datasets and history as version 1, then 2", () =>
    inRollback(handle.db, async (db) => {
      const engineer = await engineerIn(db);
      const project = await insertProject(db);
      const model = await insertModel(db, project.id);
      const ctx = { db, actor: engineer, now: T0 };
      const first = await registerModelVersion(ctx, {
        modelId: model.id,
        body: {
          clientKey: "train-1",
          artifactUri: "s3://models/ranker/1",
          framework: "xgboost",
          params: { lr: 0.1, depth: 6, early_stop: true, objective: "rank:ndcg" },
          tags: { team: "search", gpu: 1 },
          metrics: { auc: 0.91, "ndcg@10": 0.7 },
          history: [...history(3), { key: "auc", step: 0, value: 0.5, ts: "2026-01-31T10:00:00Z" }],
          datasets: [{ name: "clicks", uri: "s3://data/clicks/2026-01", role: "train" }],
          commitSha: "abc1234",
        },
      });
      expect(first.created).toBe(true);
      expect(first.version).toMatchObject({
        modelId: model.id,
        version: 1,
        status: "registered",
        params: { lr: "0.1", depth: "6", early_stop: "true", objective: "rank:ndcg" },
        tags: { team: "search", gpu: "1" },
        metrics: { auc: 0.91, "ndcg@10": 0.7 },
        datasets: [{ name: "clicks", uri: "s3://data/clicks/2026-01", role: "train" }],
        commitSha: "abc1234",
        createdBy: engineer.email,
        clientKey: "train-1",
        createdAt: T0,
        aliases: [],
        deployments: [],
        lineage: { commitSha: "abc1234", sourceRun: null },
        history: [
          { key: "auc", points: 1, firstStep: 0, lastStep: 0 },
          { key: "loss", points: 3, firstStep: 0, lastStep: 2 },
        ],
      });
      const points = await db
        .select({ key: modelMetricHistory.key, step: modelMetricHistory.step, ts: modelMetricHistory.ts })
        .from(modelMetricHistory)
        .where(eq(modelMetricHistory.versionId, first.version.id))
        .orderBy(asc(modelMetricHistory.key), asc(modelMetricHistory.step));
      // A point without ts is stamped with the registration time.
      expect(points[0]).toEqual({ key: "auc", step: 0, ts: new Date("2026-01-31T10:00:00Z") });
      expect(points[1]).toEqual({ key: "loss", step: 0, ts: T0 });
      const second = await registerModelVersion(ctx, { modelId: model.id, body: { clientKey: "train-2" } });
      expect(second.version.version).toBe(2);
    }));

  it("links the source run by provider and external id within the model's project", () =>
    inRollback(handle.db, async (db) => {
      const engineer = await engineerIn(db);
      const project = await insertProject(db);
      const elsewhere = await insertProject(db);
      const model = await insertModel(db, project.id);
      const pipeline = await insertPipeline(db, project.id, {
        name: "train",
        kind: "training",
        provider: "gitlab",
      });
      const run = await insertRun(db, pipeline, {
        provider: "gitlab",
        externalId: "9001",
        runNumber: 42,
        commitSha: "feedbeef",
        url: "https://gitlab.example/p/-/pipelines/9001",
      });
      const foreign = await insertPipeline(db, elsewhere.id, { provider: "github" });
      await insertRun(db, foreign, { provider: "github", externalId: "555" });
      const ctx = { db, actor: engineer };
      const linked = await registerModelVersion(ctx, {
        modelId: model.id,
        body: { clientKey: "a", sourceRun: { provider: "gitlab", externalId: "9001" } },
      });
      expect(linked.version.commitSha).toBe("feedbeef");
      expect(linked.version.lineage).toEqual({
        commitSha: "feedbeef",
        sourceRun: {
          id: run.id,
          provider: "gitlab",
          externalId: "9001",
          runNumber: 42,
          status: "succeeded",
          url: "https://gitlab.example/p/-/pipelines/9001",
          commitSha: "feedbeef",
          branch: null,
          queuedAt: run.queuedAt,
          pipeline: {
            id: pipeline.id,
            externalId: pipeline.externalId,
            name: "train",
            kind: "training",
            url: null,
          },
        },
      });
      for (const sourceRun of [
        { provider: "github" as const, externalId: "9001" },
        { provider: "github" as const, externalId: "555" },
        { provider: "gitlab" as const, externalId: "9001", pipeline: "nope" },
      ]) {
        const error = await expectAppError(
          registerModelVersion(ctx, { modelId: model.id, body: { clientKey: "b", sourceRun } }),
          "invalid_request",
        );
        expect(error.details).toMatchObject({ fields: [{ path: "sourceRun" }] });
      }
      // Same run id in two pipelines of the project: ambiguous until the pipeline is named.
      const other = await insertPipeline(db, project.id, { provider: "gitlab", externalId: "nightly" });
      await insertRun(db, other, { provider: "gitlab", externalId: "9001" });
      const ambiguous = await expectAppError(
        registerModelVersion(ctx, {
          modelId: model.id,
          body: { clientKey: "c", sourceRun: { provider: "gitlab", externalId: "9001" } },
        }),
        "invalid_request",
      );
      expect(ambiguous.details).toMatchObject({ fields: [{ path: "sourceRun.pipeline" }] });
      const named = await registerModelVersion(ctx, {
        modelId: model.id,
        body: { clientKey: "c", sourceRun: { provider: "gitlab", externalId: "9001", pipeline: "nightly" } },
      });
      expect(named.version.lineage.sourceRun?.pipeline.externalId).toBe("nightly");
      expect(await rowCounts(db, model)).toMatchObject({ versions: 2 });
    }));

  it("refuses a viewer (403), and answers 404 to a token limited to another project", () =>
    inRollback(handle.db, async (db) => {
      const engineer = await engineerIn(db);
      const project = await insertProject(db);
      const other = await insertProject(db);
      const model = await insertModel(db, project.id);
      const body = { clientKey: "k" };
      await expectAppError(
        registerModelVersion({ db, actor: testActor("viewer") }, { modelId: model.id, body }),
        "forbidden",
      );
      await expectAppError(
        registerModelVersion({ db, actor: await engineerIn(db, [other.id]) }, { modelId: model.id, body }),
        "not_found",
      );
      await expectAppError(
        registerModelVersion({ db, actor: engineer }, { modelId: "not-a-uuid", body }),
        "not_found",
      );
      const allowed = await registerModelVersion(
        { db, actor: await engineerIn(db, [project.id]) },
        { modelId: model.id, body },
      );
      expect(allowed.created).toBe(true);
    }));
});
