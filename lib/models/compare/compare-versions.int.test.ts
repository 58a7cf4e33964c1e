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
  insertPromotionRequest,
  insertUser,
  minutesAfter,
  setModelAlias,
  testActor,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { writeHistory } from "../history";
import { MAX_POINTS_PER_LINE } from "../history-lines";
import { compareVersions } from "./compare-versions";

const T0 = new Date("2026-02-01T00:00:00.000Z");

/** ranker v1..v4: v2 runs in production, v3 holds `champion`; v1 has a 20,000-step loss with one spike. */
async function seed(db: Executor) {
  const project = await insertProject(db, { slug: "shop" });
  const production = await insertEnvironment(db, project.id, {
    slug: "prod",
    name: "Prod",
    isProduction: true,
  });
  const model = await insertModel(db, project.id, { name: "ranker", primaryMetric: "auc" });
  const v = [];
  for (let n = 1; n <= 4; n++) {
    v.push(
      await insertModelVersion(db, model.id, n, {
        metrics: n === 4 ? { auc: 0.9 } : { auc: 0.7 + n / 100, val_loss: 0.5 - n / 10 },
        params: { lr: n === 3 ? "0.2" : "0.1", depth: "6" },
        tags: { team: "search" },
        createdAt: minutesAfter(T0, n),
      }),
    );
  }
  await setModelAlias(db, model.id, "champion", v[2]!.id);
  await insertDeployment(db, production, { modelVersionId: v[1]!.id, startedAt: minutesAfter(T0, 10) });
  const user = await insertUser(db);
  const request = await insertPromotionRequest(db, production, user.id, { modelVersionId: v[3]!.id });
  const long = Array.from({ length: 20_000 }, (_, step) => ({
    key: "loss",
    step,
    value: step === 12_345 ? 99 : 1 / (step + 1),
    ts: new Date(T0.getTime() + step * 1000).toISOString(),
  }));
  await writeHistory(db, v[0]!.id, long, T0, "insert");
  const short = Array.from({ length: 50 }, (_, step) => ({ key: "loss", step: step * 2, value: step }));
  await writeHistory(db, v[1]!.id, short, T0, "insert");
  return { model, v, request };
}

describeEachDatabase("compareVersions", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());
  const viewer = testActor("viewer");

  it("compares in the order asked, baseline from production, deltas and diffs", () =>
    inRollback(handle.db, async (db) => {
      const s = await seed(db);
      const c = await compareVersions({ db, actor: viewer }, { modelId: s.model.id, versions: [4, 2, 3] });
      expect(c.versions.map((v) => v.version)).toEqual([4, 2, 3]);
      expect(c.baseline).toEqual({ version: 2, reason: "production" });
      const auc = c.metrics.find((m) => m.key === "auc")!;
      expect(c.metrics[0]!.key).toBe("auc");
      expect(auc.cells.map((x) => x.best)).toEqual([true, false, false]);
      expect(auc.cells[0]!.delta).toBeCloseTo(0.18, 10);
      const loss = c.metrics.find((m) => m.key === "val_loss")!;
      expect(loss.direction).toBe("lower");
      expect(loss.cells[0]).toMatchObject({ value: null, delta: null, best: false });
      expect(c.params.find((p) => p.key === "lr")).toEqual({
        key: "lr",
        values: ["0.1", "0.1", "0.2"],
        differs: true,
      });
      expect(c.params.find((p) => p.key === "depth")!.differs).toBe(false);
      expect(c.versions[2]!.aliases).toEqual(["champion"]);
      expect(c.versions[1]!.deployedIn.map((d) => d.environmentName)).toEqual(["Prod"]);
      expect(c.versions[0]!.promotions.map((p) => p.id)).toEqual([s.request.id]);
    }));

  it("falls back to champion without production, and honours a requested baseline", () =>
    inRollback(handle.db, async (db) => {
      const s = await seed(db);
      const ctx = { db, actor: viewer };
      expect((await compareVersions(ctx, { modelId: s.model.id, versions: [1, 3] })).baseline).toEqual({
        version: 3,
        reason: "champion",
      });
      expect(
        (await compareVersions(ctx, { modelId: s.model.id, versions: [1, 3, 2], baseline: 1 })).baseline,
      ).toEqual({ version: 1, reason: "requested" });
    }));

  it("downsamples a long history to at most 1,000 points keeping the spike, first and last", () =>
    inRollback(handle.db, async (db) => {
      const s = await seed(db);
      const c = await compareVersions({ db, actor: viewer }, { modelId: s.model.id, versions: [1, 2] });
      const [long, short] = c.history.find((h) => h.key === "loss")!.lines;
      expect(long!.version).toBe(1);
      expect(long!.total).toBe(20_000);
      expect(long!.points.length).toBeLessThanOrEqual(MAX_POINTS_PER_LINE);
      expect(long!.points.length).toBeGreaterThan(500);
      expect(long!.points).toContainEqual([12_345, 99, T0.getTime() + 12_345_000]);
      expect(long!.points[0]!.slice(0, 2)).toEqual([0, 1]);
      expect(long!.points.at(-1)![0]).toBe(19_999);
      expect(long!.points.map((p) => p[0])).toEqual([...long!.points.map((p) => p[0])].sort((a, b) => a - b));
      // A short line is sent whole.
      expect(short!.points.map((p) => p[0])).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
    }));

  it("rejects a version the model lacks, a bad selection, and another project's model", () =>
    inRollback(handle.db, async (db) => {
      const s = await seed(db);
      await expectAppError(
        compareVersions({ db, actor: viewer }, { modelId: s.model.id, versions: [1, 9] }),
        "not_found",
      );
      await expectAppError(
        compareVersions({ db, actor: viewer }, { modelId: s.model.id, versions: [1] }),
        "invalid_request",
      );
      await expectAppError(
        compareVersions(
          { db, actor: viewer },
          { modelId: s.model.id, versions: Array.from({ length: 11 }, (_, i) => i + 1) },
        ),
        "invalid_request",
      );
      await expectAppError(
        compareVersions({ db, actor: viewer }, { modelId: s.model.id, versions: [1, 1] }),
        "invalid_request",
      );
      const outsider = testActor("viewer", ["00000000-0000-4000-8000-000000000000"]);
      await expectAppError(
        compareVersions({ db, actor: outsider }, { modelId: s.model.id, versions: [1, 2] }),
        "not_found",
      );
    }));
});
