import "server-only";
import { and, asc, eq, lt } from "drizzle-orm";
import { systemActor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { driftBaselines, driftReports, models, modelVersions, projects } from "@/lib/db/schema";
import { ingestMetrics } from "@/lib/monitoring/ingest-metrics";
import { computeScores, type DriftScores } from "./compute-scores";

/** The metric series each score is written to, so alert rules can watch drift. */
export const DRIFT_SERIES = { psi: "drift_psi", ks: "drift_ks", jsDistance: "drift_js" } as const;

const actor = systemActor("drift-compute");

/**
 * Scores one pending report against its feature's reference (PSI, KS, JS distance), stores
 * the scores on the report and writes them as points at the window's end on the series
 * drift_psi / drift_ks / drift_js labelled {project, model, feature, version?}, all in one
 * transaction. The row lock (SKIP LOCKED) lets a duplicate job skip. A report that cannot be
 * scored is marked failed with the reason; returns the outcome.
 */
export async function computeDriftReport(
  db: Executor,
  reportId: string,
): Promise<"computed" | "failed" | "skipped"> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        report: driftReports,
        baseline: driftBaselines,
        modelName: models.name,
        projectSlug: projects.slug,
      })
      .from(driftReports)
      .innerJoin(driftBaselines, eq(driftBaselines.id, driftReports.baselineId))
      .innerJoin(models, eq(models.id, driftBaselines.modelId))
      .innerJoin(projects, eq(projects.id, models.projectId))
      .where(and(eq(driftReports.id, reportId), eq(driftReports.status, "pending")))
      .for("update", { of: driftReports, skipLocked: true });
    if (!row) return "skipped";
    const { report, baseline } = row;
    let scores: DriftScores;
    try {
      scores = computeScores(baseline.reference, report.current);
    } catch (error) {
      await tx
        .update(driftReports)
        .set({
          status: "failed",
          error: error instanceof Error ? error.message : String(error),
          computedAt: new Date(),
        })
        .where(eq(driftReports.id, reportId));
      return "failed";
    }
    const [version] = report.modelVersionId
      ? await tx
          .select({ version: modelVersions.version })
          .from(modelVersions)
          .where(eq(modelVersions.id, report.modelVersionId))
      : [];
    const labels = {
      project: row.projectSlug,
      model: row.modelName,
      feature: baseline.feature,
      ...(version ? { version: String(version.version) } : {}),
    };
    const at = report.windowEnd.getTime();
    const series = (Object.keys(DRIFT_SERIES) as (keyof DriftScores)[])
      .filter((k) => scores[k] !== null)
      .map((k) => ({ name: DRIFT_SERIES[k], kind: "model" as const, labels, points: [[at, scores[k]]] }));
    await ingestMetrics({ db: tx, actor }, { series });
    await tx
      .update(driftReports)
      .set({
        status: "computed",
        psi: scores.psi,
        ks: scores.ks,
        jsDistance: scores.jsDistance,
        error: null,
        computedAt: new Date(),
      })
      .where(eq(driftReports.id, reportId));
    return "computed";
  });
}

/** Scores reports still pending a minute after they arrived (their job never ran); returns how many. */
export async function sweepPendingReports(db: Executor, now: Date = new Date()): Promise<number> {
  const pending = await db
    .select({ id: driftReports.id })
    .from(driftReports)
    .where(
      and(eq(driftReports.status, "pending"), lt(driftReports.createdAt, new Date(now.getTime() - 60_000))),
    )
    .orderBy(asc(driftReports.createdAt))
    .limit(200);
  for (const { id } of pending) await computeDriftReport(db, id);
  return pending.length;
}
