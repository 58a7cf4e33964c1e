import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import { modelMetricHistory, modelMetricLines, modelVersions } from "@/lib/db/schema";
import { inRollback, insertModel, insertModelVersion, insertProject } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { writeHistory } from "./history";
import { MAX_POINTS_PER_LINE, readHistoryLines } from "./history-lines";

const T0 = new Date("2026-03-01T00:00:00.000Z");
const at = (step: number) => new Date(T0.getTime() + step * 1000).toISOString();

async function version(db: Executor) {
  const project = await insertProject(db);
  const model = await insertModel(db, project.id);
  return insertModelVersion(db, model.id, 1);
}

/** A loss curve of `steps` points with one spike, written in HISTORY_BATCH-sized statements. */
function curve(steps: number, spikeAt: number, from = 0) {
  return Array.from({ length: steps }, (_, i) => {
    const step = from + i;
    return { key: "loss", step, value: step === spikeAt ? 50 : 1 / (step + 1), ts: at(step) };
  });
}

describeEachDatabase("metric history lines", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle.drop());

  it("keeps a short line whole and a long one at most 1,000 points with its spike and ends", () =>
    inRollback(handle.db, async (db) => {
      const v = await version(db);
      await writeHistory(db, v.id, [{ key: "acc", step: 0, value: 0.5, ts: at(0) }], T0, "insert");
      await writeHistory(db, v.id, curve(12_000, 7_777), T0, "insert");
      const lines = await readHistoryLines(db, [v.id]);
      expect(lines.map((l) => [l.key, l.total])).toEqual([
        ["acc", 1],
        ["loss", 12_000],
      ]);
      expect(lines[0]!.points).toEqual([[0, 0.5, T0.getTime()]]);
      const loss = lines[1]!.points;
      expect(loss.length).toBeLessThanOrEqual(MAX_POINTS_PER_LINE);
      expect(loss.length).toBeGreaterThan(500);
      expect(loss).toContainEqual([7_777, 50, T0.getTime() + 7_777_000]);
      expect(loss[0]).toEqual([0, 1, T0.getTime()]);
      expect(loss.at(-1)![0]).toBe(11_999);
      const steps = loss.map(([step]) => step);
      expect(steps).toEqual([...new Set(steps)].sort((a, b) => a - b));
    }));

  it("follows appends, changed values and deletes", () =>
    inRollback(handle.db, async (db) => {
      const v = await version(db);
      await writeHistory(db, v.id, curve(600, -1), T0, "insert");
      expect((await readHistoryLines(db, [v.id]))[0]!.points).toHaveLength(600);
      // Appending past 1,000 points switches the line to buckets; a replaced value moves the peak.
      await writeHistory(
        db,
        v.id,
        [...curve(900, -1, 600), { key: "loss", step: 3, value: 80, ts: at(3) }],
        T0,
        "upsert",
      );
      const [line] = await readHistoryLines(db, [v.id]);
      expect(line!.total).toBe(1_500);
      expect(line!.points.length).toBeLessThanOrEqual(MAX_POINTS_PER_LINE);
      expect(line!.points).toContainEqual([3, 80, T0.getTime() + 3_000]);
      expect(line!.points.at(-1)![0]).toBe(1_499);
      // Deleting the points removes the line; deleting the version removes what is left.
      await db.delete(modelMetricHistory).where(eq(modelMetricHistory.versionId, v.id));
      expect(await readHistoryLines(db, [v.id])).toEqual([]);
      await writeHistory(db, v.id, curve(10, -1), T0, "insert");
      await db.delete(modelVersions).where(eq(modelVersions.id, v.id));
      expect(await db.select().from(modelMetricLines).where(eq(modelMetricLines.versionId, v.id))).toEqual(
        [],
      );
    }));

  it.skipIf(kind === "pglite")(
    // PGlite serves one connection, so appends cannot overlap there; the race needs real Postgres.
    "counts every point when 8 appends to one line commit concurrently",
    async () => {
      const v = await version(handle.db);
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          handle.db.transaction((tx) => writeHistory(tx, v.id, curve(400, -1, i * 400), T0, "upsert")),
        ),
      );
      const [line] = await readHistoryLines(handle.db, [v.id]);
      expect(line!.total).toBe(3_200);
      expect(line!.points[0]![0]).toBe(0);
      expect(line!.points.at(-1)![0]).toBe(3_199);
    },
  );
});
