import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { inRollback, insertModel, insertProject } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { registerModelVersion } from "./register-version";
import { engineerIn, history, rowCounts } from "./register-version-test-fixtures";

describeEachDatabase("registerModelVersion idempotency", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());

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
});
