import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createConnection } from "@/lib/connections/create-connection";
import {
  type FakeMlflow,
  type FakeMlflowState,
  startFakeMlflow,
} from "@/lib/connections/testing/fake-mlflow";
import { useTestEncryptionKey } from "@/lib/connections/testing/use-test-encryption-key";
import {
  connections,
  modelAliasEvents,
  modelAliases,
  modelMetricHistory,
  models,
  modelVersions,
  syncStates,
} from "@/lib/db/schema";
import { actorWithRole, insertProject } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { importMlflowConnection, MLFLOW_SYNC_SCOPE } from "./import-connection";

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;
const T0 = 1_767_225_600_000; // 2026-01-01

/** Three models (two pages of two), "churn" with three versions (two pages) and a 5-step loss history. */
function initialState(): FakeMlflowState {
  const run = (id: string, lr: string, auc: number) => ({
    runId: id,
    experimentId: "7",
    params: { learning_rate: lr, "max depth": "6" },
    tags: { "mlflow.user": "ana", team: "ml" },
    history: {
      loss: Array.from({ length: 5 }, (_, step) => ({
        step,
        value: 1 / (step + 1),
        timestamp: T0 + step * 1000,
      })),
      "val auc": [{ step: 0, value: auc, timestamp: T0 }],
    },
  });
  const version = (n: number, extra: object = {}) => ({
    version: String(n),
    source: `models:/churn/${n}`,
    runId: `run${n}`,
    userId: "ana@example.com",
    createdAt: T0 + n,
    updatedAt: T0 + n,
    ...extra,
  });
  return {
    runs: { run1: run("run1", "0.1", 0.8), run2: run("run2", "0.05", 0.85), run3: run("run3", "0.01", 0.83) },
    models: [
      {
        name: "churn",
        description: "Churn classifier",
        aliases: { champion: "2", Challenger: "3" },
        versions: [
          version(1, { currentStage: "Archived" }),
          version(2),
          version(3, { status: "PENDING_REGISTRATION" }),
        ],
      },
      { name: "fraud", aliases: {}, versions: [] },
      { name: "ranker", aliases: {}, versions: [] },
    ],
  };
}

describeEachDatabase("importMlflowConnection against the fake MLflow server", (kind) => {
  let handle: Handle;
  let mlflow: FakeMlflow;
  let connectionId: string;
  let projectId: string;

  beforeAll(async () => {
    useTestEncryptionKey();
    handle = await createTestDatabase(kind);
    mlflow = await startFakeMlflow({
      token: "s3cret",
      pageSize: 2,
      historyPageSize: 2,
      state: initialState(),
    });
    projectId = (await insertProject(handle.db, { slug: "ml" })).id;
    const ctx = { db: handle.db, actor: await actorWithRole(handle.db, "admin") };
    const created = await createConnection(ctx, {
      kind: "mlflow",
      name: "MLflow",
      baseUrl: mlflow.baseUrl,
      auth: { type: "bearer", token: "s3cret" },
      config: { projectId, models: [], intervalMinutes: 15 },
    });
    connectionId = created.connection.id;
  });
  afterAll(async () => {
    await mlflow?.close();
    await handle?.drop();
  });

  const state = async () =>
    (
      await handle.db
        .select()
        .from(syncStates)
        .where(and(eq(syncStates.connectionId, connectionId), eq(syncStates.scope, MLFLOW_SYNC_SCOPE)))
    )[0]!;
  const churn = async () => (await handle.db.select().from(models).where(eq(models.name, "churn")))[0]!;
  const versionsOf = async (modelId: string) =>
    handle.db
      .select()
      .from(modelVersions)
      .where(eq(modelVersions.modelId, modelId))
      .orderBy(asc(modelVersions.version));
  const aliasesOf = async (modelId: string) =>
    Object.fromEntries(
      (
        await handle.db
          .select({ alias: modelAliases.alias, version: modelVersions.version })
          .from(modelAliases)
          .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
          .where(eq(modelAliases.modelId, modelId))
      ).map((a) => [a.alias, a.version]),
    );

  it("imports every model, version, run, history and alias across pages", async () => {
    const result = await importMlflowConnection(handle.db, connectionId);
    expect(result).toMatchObject({ error: null, models: 3, created: 3, updated: 0, aliasMoves: 2 });
    expect(
      (await handle.db.select({ name: models.name }).from(models).orderBy(asc(models.name))).map(
        (m) => m.name,
      ),
    ).toEqual(["churn", "fraud", "ranker"]);
    const model = await churn();
    expect(model.description).toBe("Churn classifier");
    const versions = await versionsOf(model.id);
    expect(versions.map((v) => [v.version, v.status, v.clientKey])).toEqual([
      [1, "archived", "mlflow:churn:1"],
      [2, "ready", "mlflow:churn:2"],
      [3, "registered", "mlflow:churn:3"],
    ]);
    const v2 = versions[1]!;
    expect(v2.params).toEqual({ learning_rate: "0.05", "max depth": "6" });
    expect(v2.metrics).toEqual({ loss: 0.2, val_auc: 0.85 });
    expect(v2.artifactUri).toBe("models:/churn/2");
    expect(v2.createdBy).toBe("ana@example.com");
    expect(v2.tags).toMatchObject({
      team: "ml",
      "mlflow.run_id": "run2",
      "mlflow.run_url": `${mlflow.baseUrl}/#/experiments/7/runs/run2`,
      "mlflow.stage": "None",
    });
    const history = await handle.db
      .select()
      .from(modelMetricHistory)
      .where(and(eq(modelMetricHistory.versionId, v2.id), eq(modelMetricHistory.key, "loss")))
      .orderBy(asc(modelMetricHistory.step));
    expect(history.map((h) => [h.step, h.value, h.ts.getTime()])).toEqual(
      Array.from({ length: 5 }, (_, step) => [step, 1 / (step + 1), T0 + step * 1000]),
    );
    expect(await aliasesOf(model.id)).toEqual({ champion: 2, challenger: 3 });
    expect(await state()).toMatchObject({ status: "idle", itemsDone: 3, itemsTotal: 3, error: null });
    // Every request carried the connection's bearer token (the fake answers 401 otherwise).
    expect(mlflow.requests.every((r) => r.headers.authorization === "Bearer s3cret")).toBe(true);
  });

  it("imports nothing new on a second pass", async () => {
    const events = await handle.db.$count(modelAliasEvents);
    const result = await importMlflowConnection(handle.db, connectionId);
    expect(result).toMatchObject({
      error: null,
      models: 3,
      created: 0,
      updated: 0,
      unchanged: 3,
      aliasMoves: 0,
    });
    expect(await handle.db.$count(modelAliasEvents)).toBe(events);
  });

  it("picks up a new version, a changed version and an alias move", async () => {
    const fake = mlflow.state.models[0]!;
    mlflow.state.runs.run4 = { ...mlflow.state.runs.run2!, runId: "run4", params: { learning_rate: "0.02" } };
    fake.versions.push({
      version: "4",
      source: "models:/churn/4",
      runId: "run4",
      createdAt: T0 + 4,
      updatedAt: T0 + 4,
    });
    Object.assign(fake.versions[2]!, { status: "READY", currentStage: "Staging", updatedAt: T0 + 99 });
    fake.aliases = { champion: "4", challenger: "3" };
    const result = await importMlflowConnection(handle.db, connectionId);
    expect(result).toMatchObject({ error: null, created: 1, updated: 1, unchanged: 2, aliasMoves: 1 });
    const model = await churn();
    const versions = await versionsOf(model.id);
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [1, "archived"],
      [2, "ready"],
      [3, "ready"],
      [4, "ready"],
    ]);
    expect(versions[2]!.tags["mlflow.stage"]).toBe("Staging");
    expect(versions[3]!.params).toEqual({ learning_rate: "0.02" });
    expect(await aliasesOf(model.id)).toEqual({ champion: 4, challenger: 3 });
    const [move] = await handle.db
      .select()
      .from(modelAliasEvents)
      .where(and(eq(modelAliasEvents.modelId, model.id), eq(modelAliasEvents.alias, "champion")))
      .orderBy(asc(modelAliasEvents.id))
      .offset(1);
    expect(move).toMatchObject({ fromVersionId: versions[1]!.id, toVersionId: versions[3]!.id });
  });

  it("resumes from the cursor after a 5xx mid-way", async () => {
    mlflow.state.models.push({
      name: "zeta",
      aliases: {},
      versions: [{ version: "1", source: "models:/zeta/1", createdAt: T0, updatedAt: T0 }],
    });
    // The count listing (two pages of two) and import page 1 pass; import page 2 (ranker, zeta) answers 503.
    mlflow.failNext(/registered-models\/search$/, { after: 3 });
    const failed = await importMlflowConnection(handle.db, connectionId);
    expect(failed.error).toMatch(/503/);
    const afterFailure = await state();
    expect(afterFailure).toMatchObject({ status: "failed", itemsDone: 2, itemsTotal: 4 });
    expect(afterFailure.error).toMatch(/MLflow answered 503 on registered-models\/search/);
    expect(typeof afterFailure.cursor.pageToken).toBe("string");

    const seen = mlflow.requests.length;
    const resumed = await importMlflowConnection(handle.db, connectionId);
    expect(resumed).toMatchObject({ error: null, models: 2, created: 1 });
    const searches = mlflow.requests.slice(seen).filter((r) => r.path.endsWith("registered-models/search"));
    expect(searches.map((r) => r.query.get("page_token"))).toEqual([afterFailure.cursor.pageToken]);
    expect(await state()).toMatchObject({ status: "idle", itemsDone: 4, itemsTotal: 4, error: null });
    expect(await handle.db.$count(models, eq(models.name, "zeta"))).toBe(1);
  });

  it("records a clear error when MLflow answers with an unexpected shape", async () => {
    mlflow.breakShape(/registered-models\/search$/);
    const result = await importMlflowConnection(handle.db, connectionId);
    mlflow.breakShape(null);
    expect(result.error).toMatch(/unexpected shape: registered_models: /);
    expect((await state()).error).toBe(result.error);
    const [connection] = await handle.db.select().from(connections).where(eq(connections.id, connectionId));
    expect(connection!.lastError).toBe(result.error);
  });
});
