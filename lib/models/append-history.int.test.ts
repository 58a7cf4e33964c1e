import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import { auditEvents, modelMetricHistory } from "@/lib/db/schema";
import {
  actorWithRole,
  expectAppError,
  inRollback,
  insertModel,
  insertModelVersion,
  insertProject,
  testActor,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { appendMetricHistory } from "./append-history";
import { HISTORY_BATCH } from "./history";

const T0 = new Date("2026-03-01T08:00:00.000Z");
const T1 = new Date("2026-03-01T09:00:00.000Z");

async function seed(db: Executor) {
  const project = await insertProject(db);
  const model = await insertModel(db, project.id);
  const version = await insertModelVersion(db, model.id, 1);
  return { project, model, version };
}

async function stored(db: Executor, versionId: string) {
  return db
    .select({
      key: modelMetricHistory.key,
      step: modelMetricHistory.step,
      value: modelMetricHistory.value,
      ts: modelMetricHistory.ts,
    })
    .from(modelMetricHistory)
    .where(eq(modelMetricHistory.versionId, versionId))
    .orderBy(asc(modelMetricHistory.key), asc(modelMetricHistory.step));
}

describeEachDatabase("appendMetricHistory", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());

  it("appends in batches, and a repeated batch writes nothing", () =>
    inRollback(handle.db, async (db) => {
      const engineer = await actorWithRole(db, "engineer");
      const { version } = await seed(db);
      const n = HISTORY_BATCH + 250;
      const points = Array.from({ length: n }, (_, step) => ({
        key: "val_loss",
        step,
        value: 1 / (step + 1),
      }));
      const first = await appendMetricHistory(
        { db, actor: engineer, now: T0 },
        { versionId: version.id, body: { points } },
      );
      expect(first).toEqual({ written: n });
      const again = await appendMetricHistory(
        { db, actor: engineer, now: T1 },
        { versionId: version.id, body: { points } },
      );
      expect(again).toEqual({ written: 0 });
      const rows = await stored(db, version.id);
      expect(rows).toHaveLength(n);
      // The replay kept the first stamp: nothing changed.
      expect(rows.every((r) => r.ts.getTime() === T0.getTime())).toBe(true);
      const audits = await db
        .select({ data: auditEvents.data })
        .from(auditEvents)
        .where(eq(auditEvents.targetId, version.id));
      expect(audits).toEqual([{ data: { points: n, written: n, keys: ["val_loss"] } }]);
    }));

  it("replaces changed values, keeps equal ones, and takes the last of a repeated step", () =>
    inRollback(handle.db, async (db) => {
      const engineer = await actorWithRole(db, "engineer");
      const { version } = await seed(db);
      const ctx = { db, actor: engineer, now: T0 };
      const ts = "2026-02-01T00:00:00.000Z";
      await appendMetricHistory(ctx, {
        versionId: version.id,
        body: {
          points: [
            { key: "acc", step: 0, value: 0.5, ts },
            { key: "acc", step: 1, value: 0.6, ts },
          ],
        },
      });
      const result = await appendMetricHistory(
        { ...ctx, now: T1 },
        {
          versionId: version.id,
          body: {
            points: [
              { key: "acc", step: 0, value: 0.5, ts },
              { key: "acc", step: 1, value: 0.65 },
              { key: "acc", step: 2, value: 0.1 },
              { key: "acc", step: 2, value: 0.7 },
            ],
          },
        },
      );
      expect(result).toEqual({ written: 2 });
      expect(await stored(db, version.id)).toEqual([
        { key: "acc", step: 0, value: 0.5, ts: new Date(ts) },
        { key: "acc", step: 1, value: 0.65, ts: T1 },
        { key: "acc", step: 2, value: 0.7, ts: T1 },
      ]);
    }));

  it("rejects a bad point with 400 naming it and writes none of the batch", () =>
    inRollback(handle.db, async (db) => {
      const engineer = await actorWithRole(db, "engineer");
      const { version } = await seed(db);
      const points: { key: string; step: number; value: unknown }[] = Array.from(
        { length: 1000 },
        (_, step) => ({
          key: "loss",
          step,
          value: step,
        }),
      );
      points[999] = { key: "loss", step: 999, value: "NaN" };
      const error = await expectAppError(
        appendMetricHistory(
          { db, actor: engineer },
          { versionId: version.id, body: { points: points as never } },
        ),
        "invalid_request",
      );
      expect(error.details).toMatchObject({ fields: [{ path: "points.999.value" }] });
      await expectAppError(
        appendMetricHistory({ db, actor: engineer }, { versionId: version.id, body: { points: [] } }),
        "invalid_request",
      );
      await expectAppError(
        appendMetricHistory(
          { db, actor: engineer },
          { versionId: version.id, body: { points: [{ key: "loss", step: 1.5, value: 1 }] } },
        ),
        "invalid_request",
      );
      expect(await stored(db, version.id)).toEqual([]);
    }));

  it("answers 403 to a viewer and 404 for an unknown version or one outside the actor's projects", () =>
    inRollback(handle.db, async (db) => {
      const engineer = await actorWithRole(db, "engineer");
      const { version } = await seed(db);
      const other = await insertProject(db);
      const body = { points: [{ key: "loss", step: 0, value: 1 }] };
      await expectAppError(
        appendMetricHistory({ db, actor: testActor("viewer") }, { versionId: version.id, body }),
        "forbidden",
      );
      const limited = { ...engineer, via: "token" as const, projectIds: [other.id] };
      await expectAppError(
        appendMetricHistory({ db, actor: limited }, { versionId: version.id, body }),
        "not_found",
      );
      await expectAppError(
        appendMetricHistory(
          { db, actor: engineer },
          { versionId: "7b0c1a4e-0000-4000-8000-000000000000", body },
        ),
        "not_found",
      );
      await expectAppError(
        appendMetricHistory({ db, actor: engineer }, { versionId: "v1", body }),
        "not_found",
      );
      expect(await stored(db, version.id)).toEqual([]);
    }));
});
