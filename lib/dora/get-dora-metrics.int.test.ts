import { afterAll, beforeAll, expect, it } from "vitest";
import type { Executor } from "@/lib/db/client";
import {
  expectAppError,
  insertAlert,
  insertAlertRule,
  insertDeployment,
  insertEnvironment,
  insertModel,
  insertModelVersion,
  insertPipeline,
  insertProject,
  insertRelease,
  insertRun,
  minutesAfter,
  testActor,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { getDoraMetrics } from "./get-dora-metrics";

const NOW = new Date("2026-03-29T12:00:00.000Z");
const HOUR = 60;
const DAY = 24 * HOUR;
const at = (minutesAgo: number) => minutesAfter(NOW, -minutesAgo);

/**
 * Shop's production over the last 14 days: two release deployments (one failed, fixed
 * 3 h later), a model deployment rolled back after 2 h, staging noise, and one alert that
 * fired and resolved in 1 h. Bank has one success, to check scoping.
 */
async function seed(db: Executor) {
  const shop = await insertProject(db, { slug: "shop" });
  const bank = await insertProject(db, { slug: "bank" });
  const prod = await insertEnvironment(db, shop.id, { slug: "production", isProduction: true });
  const staging = await insertEnvironment(db, shop.id, { slug: "staging" });
  const bankProd = await insertEnvironment(db, bank.id, { slug: "production", isProduction: true });
  const pipeline = await insertPipeline(db, shop.id);
  const build = (queuedMinutesAgo: number) => insertRun(db, pipeline, { queuedAt: at(queuedMinutesAgo) });

  const r1 = await insertRelease(db, shop.id, { buildRunId: (await build(10 * DAY + 4 * HOUR)).id });
  const r2 = await insertRelease(db, shop.id, { buildRunId: (await build(5 * DAY + 2 * HOUR)).id });
  const r3 = await insertRelease(db, shop.id, { buildRunId: (await build(5 * DAY)).id });
  await insertDeployment(db, prod, { releaseId: r1.id, startedAt: at(10 * DAY), finishedAt: at(10 * DAY) });
  const failed = await insertDeployment(db, prod, {
    releaseId: r2.id,
    status: "failed",
    startedAt: at(5 * DAY),
    finishedAt: at(5 * DAY),
  });
  await insertDeployment(db, prod, {
    releaseId: r3.id,
    startedAt: at(5 * DAY - 3 * HOUR),
    finishedAt: at(5 * DAY - 3 * HOUR),
  });
  await insertDeployment(db, staging, { releaseId: r3.id, status: "failed", startedAt: at(DAY) });

  const model = await insertModel(db, shop.id);
  const training = await insertRun(db, pipeline, { queuedAt: at(3 * DAY), startedAt: at(3 * DAY - HOUR) });
  const v2 = await insertModelVersion(db, model.id, 2, { sourceRunId: training.id });
  const v1 = await insertModelVersion(db, model.id, 1);
  const bad = await insertDeployment(db, prod, {
    modelVersionId: v2.id,
    startedAt: at(2 * DAY),
    finishedAt: at(2 * DAY),
  });
  await insertDeployment(db, prod, {
    modelVersionId: v1.id,
    isRollback: true,
    rollbackOfId: bad.id,
    startedAt: at(2 * DAY - 2 * HOUR),
    finishedAt: at(2 * DAY - 2 * HOUR),
  });

  const rule = await insertAlertRule(db, shop.id);
  await insertAlert(db, rule, { firedAt: at(DAY), resolvedAt: at(DAY - HOUR), state: "resolved" });
  await insertAlert(db, rule, { firedAt: at(HOUR) }); // still firing: not restored

  const bankRelease = await insertRelease(db, bank.id);
  await insertDeployment(db, bankProd, {
    releaseId: bankRelease.id,
    startedAt: at(3 * DAY),
    finishedAt: at(3 * DAY),
  });
  return { shop, bank, failed };
}

describeEachDatabase("getDoraMetrics", (kind) => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  let ids: Awaited<ReturnType<typeof seed>>;
  const ctx = (projectIds: string[] | null = null) => ({
    db: handle.db,
    actor: testActor("viewer", projectIds),
    now: NOW,
  });

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    ids = await seed(handle.db);
  });
  afterAll(() => handle.drop());

  it("computes the four metrics over production deployments and alerts", async () => {
    const report = await getDoraMetrics(ctx(), { projectIds: [ids.shop.id], rangeMs: 14 * DAY * 60_000 });
    const s = report.summary;
    // r1, failed r2, r3, model v2 (rolled back); the rollback itself is not a change.
    expect(s.deployments).toBe(4);
    expect(s.deploymentsPerDay).toBeCloseTo(4 / 14); // r1, r3, v2 and the rollback succeeded
    expect(s.changeFailureRate).toBe(0.5);
    // Lead times: r1 4 h, r3 5 d - (5 d - 3 h) = 3 h, v2 from training start 1 d - 1 h... median of 4 h, 3 h, 23 h.
    expect(s.leadTimeMs).toBe(4 * 3_600_000);
    // Restores: failed r2 → r3 (3 h), v2 → rollback (2 h), alert (1 h): median 2 h.
    expect(s.timeToRestoreMs).toBe(2 * 3_600_000);
    expect(report.weeks).toHaveLength(2);
    expect(report.weeks.reduce((n, w) => n + w.deployments, 0)).toBe(4);
  });

  it("narrows to model versions, with lead time from the training run", async () => {
    const report = await getDoraMetrics(ctx(), {
      projectIds: [ids.shop.id],
      subject: "models",
      rangeMs: 14 * DAY * 60_000,
    });
    expect(report.summary).toMatchObject({
      deployments: 1,
      changeFailureRate: 1,
      leadTimeMs: 23 * 3_600_000,
    });
    const other = await getDoraMetrics(ctx(), {
      subject: "models",
      modelId: "00000000-0000-4000-8000-000000000000",
      rangeMs: 14 * DAY * 60_000,
    });
    expect(other.summary.deployments).toBe(0);
  });

  it("answers nulls for a project without deployments, and keeps to the actor's projects", async () => {
    const empty = await getDoraMetrics(ctx(), { projectIds: [ids.bank.id], rangeMs: 2 * DAY * 60_000 });
    expect(empty.summary).toEqual({
      deployments: 0,
      deploymentsPerDay: null,
      leadTimeMs: null,
      changeFailureRate: null,
      timeToRestoreMs: null,
    });
    const limited = await getDoraMetrics(ctx([ids.bank.id]), {
      projectIds: null,
      rangeMs: 14 * DAY * 60_000,
    });
    expect(limited.summary.deployments).toBe(1);
    await expectAppError(getDoraMetrics(ctx(), { rangeMs: 60_000 }), "invalid_request");
  });
});
