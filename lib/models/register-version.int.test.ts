import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import { auditEvents, modelMetricHistory, modelVersions } from "@/lib/db/schema";
import {
  actorWithRole,
  expectAppError,
  inRollback,
  insertModel,
  insertPipeline,
  insertProject,
  insertRun,
  testActor,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { HISTORY_BATCH } from "./history";
import { registerModelVersion } from "./register-version";

const T0 = new Date("2026-02-01T09:00:00.000Z");

function history(n: number, key = "loss") {
  return Array.from({ length: n }, (_, step) => ({ key, step, value: 1 / (step + 1) }));
}

async function rowCounts(db: Executor, { id: modelId, projectId }: { id: string; projectId: string }) {
  const [versions] = await db
    .select({ n: count() })
    .from(modelVersions)
    .where(eq(modelVersions.modelId, modelId));
  const [points] = await db
    .select({ n: count() })
    .from(modelMetricHistory)
    .innerJoin(modelVersions, eq(modelVersions.id, modelMetricHistory.versionId))
    .where(eq(modelVersions.modelId, modelId));
  const [audits] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "model_version.register"), eq(auditEvents.projectId, projectId)));
  return { versions: Number(versions!.n), points: Number(points!.n), audits: Number(audits!.n) };
}

describeEachDatabase("registerModelVersion", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());

  /** An engineer with a users row (audit rows reference it), optionally limited to projects. */
  async function engineerIn(db: Executor, projectIds: string[] | null = null): Promise<Actor> {
    const actor = await actorWithRole(db, "engineer");
    return projectIds ? { ...actor, via: "token", projectIds } : actor;
  }

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

  it("is idempotent on clientKey: one version, one audit row, the original even for a different body", () =>
    inRollback(handle.db, async (db) => {
      const engineer = await engineerIn(db);
      const project = await insertProject(db);
      const model = await insertModel(db, project.id);
      const ctx = { db, actor: engineer };
      const body = { clientKey: "ci-run-77", metrics: { auc: 0.9 }, history: history(10) };
      const first = await registerModelVersion(ctx, { modelId: model.id, body });
      const again = await registerModelVersion(ctx, { modelId: model.id, body });
      const different = await registerModelVersion(ctx, {
        modelId: model.id,
        body: { clientKey: "ci-run-77", metrics: { auc: 0.1 }, history: history(50) },
      });
      expect([first.created, again.created, different.created]).toEqual([true, false, false]);
      expect(again.version).toEqual(first.version);
      expect(different.version).toEqual(first.version);
      expect(await rowCounts(db, model)).toEqual({ versions: 1, points: 10, audits: 1 });
      // The same key on another model is another version.
      const other = await insertModel(db, project.id);
      const elsewhere = await registerModelVersion(ctx, { modelId: other.id, body });
      expect(elsewhere).toMatchObject({ created: true, version: { version: 1, modelId: other.id } });
    }));

  it("writes a history longer than one statement in batches", () =>
    inRollback(handle.db, async (db) => {
      const engineer = await engineerIn(db);
      const project = await insertProject(db);
      const model = await insertModel(db, project.id);
      const n = HISTORY_BATCH * 2 + 17;
      const result = await registerModelVersion(
        { db, actor: engineer },
        { modelId: model.id, body: { clientKey: "long", history: history(n) } },
      );
      expect(result.version.history).toEqual([{ key: "loss", points: n, firstStep: 0, lastStep: n - 1 }]);
    }));

  it("rejects a bad point in a 1,000-point history with 400 naming it, and writes nothing", () =>
    inRollback(handle.db, async (db) => {
      const engineer = await engineerIn(db);
      const project = await insertProject(db);
      const model = await insertModel(db, project.id);
      const ctx = { db, actor: engineer };
      const points: { key: string; step: number; value: unknown }[] = history(1000);
      points[517] = { key: "loss", step: 517, value: Number.NaN };
      const nan = await expectAppError(
        registerModelVersion(ctx, {
          modelId: model.id,
          body: { clientKey: "bad", history: points as never },
        }),
        "invalid_request",
      );
      expect(nan.details).toEqual({
        fields: [{ path: "history.517.value", message: "Use a finite number." }],
      });
      points[517] = { key: "loss", step: 517, value: "0.3" };
      const text = await expectAppError(
        registerModelVersion(ctx, {
          modelId: model.id,
          body: { clientKey: "bad", history: points as never },
        }),
        "invalid_request",
      );
      expect(text.details).toMatchObject({ fields: [{ path: "history.517.value" }] });
      const metric = await expectAppError(
        registerModelVersion(ctx, {
          modelId: model.id,
          body: { clientKey: "bad", metrics: { auc: "high" as never, "bad key!": 1 } },
        }),
        "invalid_request",
      );
      expect((metric.details as { fields: { path: string }[] }).fields.map((f) => f.path).sort()).toEqual([
        "metrics.auc",
        "metrics.bad key!",
      ]);
      await expectAppError(
        registerModelVersion(ctx, { modelId: model.id, body: { clientKey: "" } }),
        "invalid_request",
      );
      await expectAppError(
        registerModelVersion(ctx, { modelId: model.id, body: { clientKey: "x".repeat(201) } }),
        "invalid_request",
      );
      expect(await rowCounts(db, model)).toEqual({ versions: 0, points: 0, audits: 0 });
    }));

  it("lists at most 50 bad fields when a whole history is wrong", () =>
    inRollback(handle.db, async (db) => {
      const engineer = await engineerIn(db);
      const project = await insertProject(db);
      const model = await insertModel(db, project.id);
      const points = history(2000).map((p) => ({ ...p, step: -1 }));
      const error = await expectAppError(
        registerModelVersion(
          { db, actor: engineer },
          { modelId: model.id, body: { clientKey: "k", history: points } },
        ),
        "invalid_request",
      );
      expect((error.details as { fields: unknown[] }).fields).toHaveLength(50);
      expect(error.message).toContain("1950 more");
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

  it.skipIf(kind === "pglite")(
    // PGlite has one connection, so nothing runs concurrently there; this is Postgres only.
    "numbers 10 concurrent registrations 1..10 without gaps or duplicates, and dedupes concurrent replays",
    async () => {
      const db = handle.db;
      const engineer = await engineerIn(db);
      const project = await insertProject(db);
      const model = await insertModel(db, project.id);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          registerModelVersion(
            { db, actor: engineer },
            { modelId: model.id, body: { clientKey: `parallel-${i}`, history: history(200) } },
          ),
        ),
      );
      expect(results.every((r) => r.created)).toBe(true);
      expect(results.map((r) => r.version.version).sort((a, b) => a - b)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
      ]);
      const replays = await Promise.all(
        Array.from({ length: 8 }, () =>
          registerModelVersion({ db, actor: engineer }, { modelId: model.id, body: { clientKey: "same" } }),
        ),
      );
      expect(replays.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(replays.map((r) => r.version.id)).size).toBe(1);
      expect(replays[0]!.version.version).toBe(11);
      const [stored] = await db
        .select({ n: count() })
        .from(modelVersions)
        .where(and(eq(modelVersions.modelId, model.id)));
      expect(Number(stored!.n)).toBe(11);
    },
  );
});
