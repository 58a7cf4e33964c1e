import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { systemActor } from "@/lib/auth/actor";
import {
  type FakeDeployProviders,
  startFakeDeployProviders,
} from "@/lib/connections/testing/fake-deploy-providers";
import { insertProviderConnection } from "@/lib/connections/testing/insert-provider-connection";
import { useTestEncryptionKey } from "@/lib/connections/testing/use-test-encryption-key";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import { metricPoints, metricSeries, promotionRequests, retrainTriggers } from "@/lib/db/schema";
import {
  actorWithRole,
  insertEnvironment,
  insertModel,
  insertModelVersion,
  insertPipeline,
  insertProject,
  insertRun,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { createRule } from "./create-rule";
import { evaluateAlerts } from "./evaluate-alerts";
import { getRetrainChain } from "./get-retrain-chain";
import { linkRetrainTriggers } from "./link-retrain-triggers";

const T0 = new Date(Date.now() - 3600_000);
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function point(db: Executor, seriesId: string, minutes: number, value: number) {
  await db.insert(metricPoints).values({ seriesId, ts: at(minutes), value });
}

describeEachDatabase("retrain loop", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  let fake: FakeDeployProviders;
  let engineer: Actor;
  beforeAll(async () => {
    useTestEncryptionKey();
    handle = await createTestDatabase(kind);
    fake = await startFakeDeployProviders();
    engineer = await actorWithRole(handle.db, "engineer");
  });
  afterAll(async () => {
    await fake?.close();
    await handle?.drop();
  });

  it("alert → workflow_dispatch → run → version → promotion request, with a cooldown", async () => {
    const db = handle.db;
    const project = await insertProject(db, { slug: "ml" });
    const production = await insertEnvironment(db, project.id, { slug: "production", position: 0 });
    const model = await insertModel(db, project.id, { name: "fraud" });
    const connection = await insertProviderConnection(db, "github", fake.githubUrl);
    const [series] = await db
      .insert(metricSeries)
      .values({ key: 'accuracy{model="fraud"}', name: "accuracy", kind: "model", projectId: project.id })
      .returning();
    const rule = await createRule(
      { db, actor: engineer },
      {
        seriesId: series!.id,
        name: "Fraud accuracy low",
        comparator: "lt",
        threshold: 0.9,
        windowSeconds: 300,
        forSeconds: 0,
        retrain: {
          connectionId: connection.id,
          kind: "github_workflow_dispatch",
          repository: "acme/ml",
          workflow: "train.yml",
          ref: "main",
          inputs: { model: "fraud" },
          cooldownMinutes: 60,
          autoPromoteEnvironmentId: production.id,
        },
      },
    );
    const options = (minutes: number) => ({ now: at(minutes), actor: systemActor("test") });

    await point(db, series!.id, 0, 0.8);
    const first = await evaluateAlerts(db, options(1));
    expect(first).toMatchObject({ fired: 1, retrains: 1 });
    const dispatch = fake.calls.filter((c) => c.path.endsWith("/dispatches"));
    expect(dispatch).toHaveLength(1);
    expect(dispatch[0]!.path).toBe("/github/repos/acme/ml/actions/workflows/train.yml/dispatches");
    expect(dispatch[0]!.body).toMatchObject({ ref: "main", inputs: { model: "fraud" } });
    const [trigger] = await db.select().from(retrainTriggers).where(eq(retrainTriggers.ruleId, rule.id));
    expect(trigger).toMatchObject({ status: "dispatched", error: null });
    const runId = trigger!.externalRef.runId;
    expect(runId).toBeTypeOf("number");

    // Resolves, then fires again inside the cooldown: no second run.
    await point(db, series!.id, 10, 0.95);
    expect(await evaluateAlerts(db, options(11))).toMatchObject({ resolved: 1 });
    await point(db, series!.id, 20, 0.5);
    expect(await evaluateAlerts(db, options(21))).toMatchObject({ fired: 1, retrains: 0 });
    expect(await db.select().from(retrainTriggers).where(eq(retrainTriggers.ruleId, rule.id))).toHaveLength(
      1,
    );

    // The run arrives (webhook or sync), then the version it registered.
    const pipeline = await insertPipeline(db, project.id, { connectionId: connection.id, kind: "training" });
    const run = await insertRun(db, pipeline, { externalId: String(runId), status: "running" });
    await linkRetrainTriggers(db, at(30));
    let [linked] = await db.select().from(retrainTriggers).where(eq(retrainTriggers.id, trigger!.id));
    expect(linked).toMatchObject({ pipelineRunId: run.id, status: "running", modelVersionId: null });

    const version = await insertModelVersion(db, model.id, 7, { sourceRunId: run.id });
    await linkRetrainTriggers(db, at(40));
    [linked] = await db.select().from(retrainTriggers).where(eq(retrainTriggers.id, trigger!.id));
    expect(linked).toMatchObject({ modelVersionId: version.id, error: null });
    const [request] = await db
      .select()
      .from(promotionRequests)
      .where(eq(promotionRequests.id, linked!.promotionRequestId!));
    expect(request).toMatchObject({
      modelVersionId: version.id,
      environmentId: production.id,
      status: "pending",
      requestedByUserId: engineer.userId,
    });
    expect(request!.reason).toMatch(/^Retrained after alert "Fraud accuracy low"/);

    // Linking again changes nothing (no second request).
    await linkRetrainTriggers(db, at(50));
    expect(await db.select().from(promotionRequests)).toHaveLength(1);

    const chain = await getRetrainChain({ db, actor: engineer }, { ruleId: rule.id });
    expect(chain).toHaveLength(1);
    expect(chain[0]).toMatchObject({
      triggerId: trigger!.id,
      alert: { state: "resolved" },
      run: { id: run.id },
      version: { id: version.id, modelName: "fraud", version: 7 },
      request: { id: request!.id, status: "pending" },
    });
  });

  it("marks the trigger failed with the provider's words when the dispatch is refused", async () => {
    const db = handle.db;
    const project = await insertProject(db);
    const connection = await insertProviderConnection(db, "github", fake.githubUrl);
    const [series] = await db
      .insert(metricSeries)
      .values({ key: "loss{}", name: "loss", kind: "model", projectId: project.id })
      .returning();
    const rule = await createRule(
      { db, actor: engineer },
      {
        seriesId: series!.id,
        name: "Loss high",
        comparator: "gt",
        threshold: 1,
        windowSeconds: 300,
        forSeconds: 0,
        retrain: {
          connectionId: connection.id,
          kind: "github_workflow_dispatch",
          repository: "acme/ml",
          workflow: "train.yml",
          ref: "main",
          cooldownMinutes: 0,
        },
      },
    );
    fake.failNext(/dispatches$/, 422, 1, "Unexpected inputs provided");
    await point(db, series!.id, 0, 5);
    expect(await evaluateAlerts(db, { now: at(1), actor: systemActor("test") })).toMatchObject({
      fired: 1,
      retrains: 0,
    });
    const [trigger] = await db.select().from(retrainTriggers).where(eq(retrainTriggers.ruleId, rule.id));
    expect(trigger!.status).toBe("failed");
    expect(trigger!.error).toMatch(/Unexpected inputs/);
  });
});
