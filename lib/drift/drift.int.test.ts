import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { evaluateRule } from "@/lib/alerts/evaluate-rule";
import type { Actor } from "@/lib/auth/actor";
import { systemActor } from "@/lib/auth/actor";
import type { DatabaseHandle } from "@/lib/db/client";
import { alertRules, driftReports, metricPoints, metricSeries } from "@/lib/db/schema";
import {
  actorWithRole,
  expectAppError,
  insertModel,
  insertModelVersion,
  insertProject,
  testActor,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { normalSample } from "@/lib/monitoring/drift/testing";
import { computeDriftReport, sweepPendingReports } from "./compute-report";
import { listFeatureDrift } from "./list-feature-drift";
import { setBaseline } from "./set-baseline";
import { submitReport } from "./submit-report";

const edges = [0, 10, 20, 30];

describeEachDatabase("drift reports", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  let engineer: Actor;
  let model: { id: string; name: string; projectId: string };
  let versionId: string;
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    engineer = await actorWithRole(handle.db, "engineer");
    const project = await insertProject(handle.db, { slug: "shop" });
    model = await insertModel(handle.db, project.id, { name: "churn" });
    versionId = (await insertModelVersion(handle.db, model.id, 3)).id;
  });
  afterAll(() => handle.drop());
  const ctx = () => ({ db: handle.db, actor: engineer });

  it("scores samples against the reference and writes drift_* points an alert rule can fire on", async () => {
    await setBaseline(ctx(), {
      modelId: model.id,
      feature: "age",
      reference: { kind: "samples", values: normalSample(500, 0) },
    });
    const end = new Date(Date.now() - 60_000);
    const report = await submitReport(ctx(), {
      modelId: model.id,
      feature: "age",
      window: { start: new Date(end.getTime() - 3600_000).toISOString(), end: end.toISOString() },
      distribution: { kind: "samples", values: normalSample(500, 1.5) },
      modelVersionId: versionId,
    });
    expect(report.status).toBe("pending");
    expect(await computeDriftReport(handle.db, report.id)).toBe("computed");
    expect(await computeDriftReport(handle.db, report.id)).toBe("skipped");
    const [row] = await handle.db.select().from(driftReports).where(eq(driftReports.id, report.id));
    expect(row!.status).toBe("computed");
    expect(row!.psi!).toBeGreaterThan(0.2);
    expect(row!.ks!).toBeGreaterThan(0.4);
    expect(row!.sampleCount).toBe(500);

    const series = await handle.db.select().from(metricSeries).where(eq(metricSeries.name, "drift_psi"));
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({
      kind: "model",
      labels: { project: "shop", model: "churn", feature: "age", version: "3" },
      modelVersionId: versionId,
    });
    const points = await handle.db
      .select()
      .from(metricPoints)
      .where(eq(metricPoints.seriesId, series[0]!.id));
    expect(points).toEqual([{ seriesId: series[0]!.id, ts: end, value: row!.psi }]);
    expect(await handle.db.select().from(metricSeries).where(eq(metricSeries.name, "drift_js"))).toHaveLength(
      1,
    );

    // A rule on drift_psi judges the latest score.
    const [rule] = await handle.db
      .insert(alertRules)
      .values({
        projectId: model.projectId,
        seriesId: series[0]!.id,
        name: "age drift",
        comparator: "gt",
        threshold: 0.2,
        windowSeconds: 3600,
        forSeconds: 0,
      })
      .returning();
    const evaluation = await evaluateRule(handle.db, systemActor("test"), rule!.id, new Date());
    expect(evaluation).toMatchObject({ transition: "started", fired: true, value: row!.psi });

    const table = await listFeatureDrift(ctx(), { modelId: model.id });
    expect(table.features).toHaveLength(1);
    expect(table.features[0]).toMatchObject({
      feature: "age",
      referenceKind: "samples",
      pending: 0,
      lastError: null,
    });
    expect(table.features[0]!.latest).toMatchObject({
      reportId: report.id,
      psi: row!.psi,
      modelVersionId: versionId,
    });
    expect(table.features[0]!.history).toHaveLength(1);
  });

  it("scores histograms with the reference's edges and refuses anything it could not score", async () => {
    await setBaseline(ctx(), {
      modelId: model.id,
      feature: "spend",
      reference: { kind: "histogram", edges, counts: [10, 20, 30] },
    });
    const window = {
      start: new Date(Date.now() - 7200_000).toISOString(),
      end: new Date(Date.now() - 3600_000).toISOString(),
    };
    const bad = async (distribution: unknown, feature = "spend") => {
      const error = await expectAppError(
        submitReport(ctx(), { modelId: model.id, feature, window, distribution } as never),
        "invalid_request",
      );
      return JSON.stringify(error.details);
    };
    expect(await bad({ kind: "histogram", edges, counts: [1, 2] })).toMatch(
      /4 edges make 3 bins, but 2 counts/,
    );
    expect(await bad({ kind: "histogram", edges, counts: [1, -2, 3] })).toMatch(/negative/);
    expect(await bad({ kind: "samples", values: [1, 2, 3] })).toMatch(/at least 30 samples/);
    expect(await bad({ kind: "histogram", edges: [0, 15, 30], counts: [1, 2] })).toMatch(/edges differ/);
    expect(await bad({ kind: "categorical", counts: { a: 1 } })).toMatch(/categorical/);
    expect(await bad({ kind: "samples", values: normalSample(40) }, "unknown")).toMatch(/no reference/);
    await expectAppError(
      submitReport(
        { db: handle.db, actor: testActor("viewer") },
        {
          modelId: model.id,
          feature: "spend",
          window,
          distribution: { kind: "histogram", edges, counts: [1, 1, 1] },
        },
      ),
      "forbidden",
    );

    const report = await submitReport(ctx(), {
      modelId: model.id,
      feature: "spend",
      window,
      distribution: { kind: "histogram", edges, counts: [30, 20, 10] },
    });
    // The sweeper scores reports whose job never ran.
    expect(await sweepPendingReports(handle.db, new Date(Date.now() + 120_000))).toBeGreaterThanOrEqual(1);
    const [row] = await handle.db.select().from(driftReports).where(eq(driftReports.id, report.id));
    expect(row).toMatchObject({ status: "computed", sampleCount: 60 });
    expect(row!.ks!).toBeCloseTo(1 / 3, 10);
  });
});
