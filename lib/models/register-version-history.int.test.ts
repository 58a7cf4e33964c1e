import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { expectAppError, inRollback, insertModel, insertProject } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { HISTORY_BATCH } from "./history";
import { registerModelVersion } from "./register-version";
import { engineerIn, history, rowCounts } from "./register-version-test-fixtures";

describeEachDatabase("registerModelVersion history", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());

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
});
