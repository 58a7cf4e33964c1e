import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import {
  expectAppError,
  inRollback,
  insertAlert,
  insertAlertRule,
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
import { getDeploymentBoard } from "./get-deployment-board";

const T0 = new Date("2025-03-01T12:00:00.000Z");

/** Shop: staging → production. Production ran 1.0, then 1.1, failed 1.2, then rolled back to 1.0. */
async function seed(db: Executor) {
  const shop = await insertProject(db, { slug: "shop", name: "Shop" });
  const other = await insertProject(db, { slug: "other", name: "Other" });
  const prod = await insertEnvironment(db, shop.id, { slug: "production", name: "Production", position: 2 });
  const staging = await insertEnvironment(db, shop.id, { slug: "staging", name: "Staging", position: 1 });
  await insertEnvironment(db, other.id, { slug: "production", name: "Production", position: 1 });
  const r10 = await insertRelease(db, shop.id, { version: "1.0" });
  const r11 = await insertRelease(db, shop.id, { version: "1.1" });
  const r12 = await insertRelease(db, shop.id, { version: "1.2" });
  const ranker = await insertModel(db, shop.id, { name: "ranker" });
  const embedder = await insertModel(db, shop.id, { name: "embedder" });
  const rv1 = await insertModelVersion(db, ranker.id, 1);
  const rv2 = await insertModelVersion(db, ranker.id, 2);
  const ev1 = await insertModelVersion(db, embedder.id, 1);
  const d = {
    p10: await insertDeployment(db, prod, { releaseId: r10.id, startedAt: minutesAfter(T0, 0), actor: "ci" }),
    p11: await insertDeployment(db, prod, { releaseId: r11.id, startedAt: minutesAfter(T0, 10) }),
    p12: await insertDeployment(db, prod, {
      releaseId: r12.id,
      startedAt: minutesAfter(T0, 20),
      status: "failed",
    }),
    rollback: await insertDeployment(db, prod, {
      releaseId: r10.id,
      startedAt: minutesAfter(T0, 30),
      isRollback: true,
      actor: "oncall",
    }),
    rv1: await insertDeployment(db, prod, { modelVersionId: rv1.id, startedAt: minutesAfter(T0, 5) }),
    rv2: await insertDeployment(db, prod, { modelVersionId: rv2.id, startedAt: minutesAfter(T0, 25) }),
    ev1: await insertDeployment(db, prod, { modelVersionId: ev1.id, startedAt: minutesAfter(T0, 15) }),
    s12: await insertDeployment(db, staging, { releaseId: r12.id, startedAt: minutesAfter(T0, 18) }),
  };
  const rule = await insertAlertRule(db, shop.id);
  await insertAlert(db, rule, { environmentId: prod.id, firedAt: minutesAfter(T0, 22) });
  await insertAlert(db, rule, {
    environmentId: prod.id,
    state: "resolved",
    firedAt: minutesAfter(T0, 1),
    resolvedAt: minutesAfter(T0, 8),
  });
  return { shop, other, prod, staging, d };
}

describeEachDatabase("getDeploymentBoard", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());
  const viewer = testActor("viewer");

  it("puts environments in promotion order with what runs there now, the last attempt and alerts", () =>
    inRollback(handle.db, async (db) => {
      const { shop, d } = await seed(db);
      const board = await getDeploymentBoard({ db, actor: viewer }, { projectIds: [shop.id] });
      expect(board.projects.map((p) => p.slug)).toEqual(["shop"]);
      const [staging, prod] = board.projects[0]!.environments;
      expect([staging!.slug, prod!.slug]).toEqual(["staging", "production"]);
      expect(staging!.next?.slug).toBe("production");
      expect(prod!.next).toBeNull();
      // The rollback to 1.0 is what runs now; one row per model, release first.
      expect(prod!.running.map((r) => [r.label, r.deploymentId])).toEqual([
        ["1.0", d.rollback.id],
        ["embedder v1", d.ev1.id],
        ["ranker v2", d.rv2.id],
      ]);
      expect(prod!.running[0]).toMatchObject({ isRollback: true, actor: "oncall", kind: "release" });
      expect(prod!.lastDeployment?.deploymentId).toBe(d.rollback.id);
      expect(prod!.firingAlerts).toBe(1);
      expect(staging!.running.map((r) => r.label)).toEqual(["1.2"]);
      expect(staging!.firingAlerts).toBe(0);
    }));

  it("answers for an instant: the latest succeeded deployment started at or before it", () =>
    inRollback(handle.db, async (db) => {
      const { shop, d } = await seed(db);
      const at = async (minutes: number) => {
        const board = await getDeploymentBoard(
          { db, actor: viewer },
          { projectIds: [shop.id], at: minutesAfter(T0, minutes) },
        );
        return board.projects[0]!.environments.find((e) => e.slug === "production")!;
      };
      const before = await at(-1);
      expect(before.running).toEqual([]);
      expect(before.lastDeployment).toBeNull();
      // Exactly at a start time counts.
      expect((await at(10)).running.map((r) => r.deploymentId)).toEqual([d.p11.id, d.rv1.id]);
      const afterFailure = await at(21);
      // The failed 1.2 is the last attempt, 1.1 still runs.
      expect(afterFailure.running.map((r) => r.label)).toEqual(["1.1", "embedder v1", "ranker v1"]);
      expect(afterFailure.lastDeployment).toMatchObject({ deploymentId: d.p12.id, status: "failed" });
      expect(afterFailure.firingAlerts).toBe(0);
      expect((await at(5)).firingAlerts).toBe(1);
      expect((await at(23)).firingAlerts).toBe(1);
      expect((await at(30)).running[0]?.deploymentId).toBe(d.rollback.id);
    }));

  it("shows a project-limited actor only its projects, and needs deployments:read", () =>
    inRollback(handle.db, async (db) => {
      const { shop, other } = await seed(db);
      const limited = testActor("viewer", [other.id]);
      const board = await getDeploymentBoard({ db, actor: limited }, { projectIds: null });
      expect(board.projects.map((p) => p.slug)).toEqual(["other"]);
      expect((await getDeploymentBoard({ db, actor: limited }, { projectIds: [shop.id] })).projects).toEqual(
        [],
      );
      const noScope = { ...viewer, permissions: new Set<never>() };
      await expectAppError(getDeploymentBoard({ db, actor: noScope }, { projectIds: null }), "forbidden");
      await expectAppError(
        getDeploymentBoard({ db, actor: viewer }, { projectIds: null, at: "not a date" }),
        "invalid_request",
      );
    }));
});
