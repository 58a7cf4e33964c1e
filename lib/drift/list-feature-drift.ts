import "server-only";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { driftBaselines, driftReports } from "@/lib/db/schema";
import { loadVisibleModel } from "@/lib/models/access";

export const listFeatureDriftInput = z.object({
  modelId: z.string(),
  /** Most recent reports per feature in `history` (for sparklines). */
  historyLimit: z.coerce.number().int().min(1).max(500).default(30),
});
export type ListFeatureDriftInput = z.input<typeof listFeatureDriftInput>;

/** One scored window of one feature. */
export type FeatureDriftPoint = {
  reportId: string;
  windowStart: Date;
  windowEnd: Date;
  psi: number;
  /** Null for categorical features: KS is defined on ordered values only. */
  ks: number | null;
  jsDistance: number;
  sampleCount: number;
  modelVersionId: string | null;
};

export type FeatureDriftRow = {
  feature: string;
  referenceKind: "samples" | "histogram" | "categorical";
  baselineUpdatedAt: Date;
  /** The newest scored window, or null while none is. */
  latest: FeatureDriftPoint | null;
  /** Scored windows oldest first, at most historyLimit: the sparkline. */
  history: FeatureDriftPoint[];
  /** Reports waiting for the drift job. */
  pending: number;
  /** Why the newest report could not be scored, when it could not. */
  lastError: string | null;
};

export type FeatureDrift = { modelId: string; features: FeatureDriftRow[] };

/**
 * The drift table of a model: per feature with a reference, the latest PSI / KS / JS
 * distance and the recent history. Needs monitoring:read. Rule of thumb for PSI: < 0.1
 * stable, 0.1–0.2 moderate, > 0.2 significant.
 */
export async function listFeatureDrift(
  ctx: ServiceContext,
  rawInput: ListFeatureDriftInput,
): Promise<FeatureDrift> {
  assertCan(ctx.actor, "monitoring:read");
  const input = parseInput(listFeatureDriftInput, rawInput);
  const model = await loadVisibleModel(ctx.db, ctx.actor, input.modelId);
  const baselines = await ctx.db
    .select({
      id: driftBaselines.id,
      feature: driftBaselines.feature,
      kind: sql<FeatureDriftRow["referenceKind"]>`${driftBaselines.reference}->>'kind'`,
      updatedAt: driftBaselines.updatedAt,
    })
    .from(driftBaselines)
    .where(eq(driftBaselines.modelId, model.id))
    .orderBy(asc(driftBaselines.feature));
  if (baselines.length === 0) return { modelId: model.id, features: [] };
  const ids = baselines.map((b) => b.id);

  const ranked = ctx.db
    .select({
      baselineId: driftReports.baselineId,
      reportId: sql<string>`${driftReports.id}`.as("report_id"),
      status: driftReports.status,
      error: driftReports.error,
      windowStart: driftReports.windowStart,
      windowEnd: driftReports.windowEnd,
      psi: driftReports.psi,
      ks: driftReports.ks,
      jsDistance: driftReports.jsDistance,
      sampleCount: driftReports.sampleCount,
      modelVersionId: driftReports.modelVersionId,
      rank: sql<number>`row_number() over (partition by ${driftReports.baselineId}, ${driftReports.status} = 'computed' order by ${driftReports.windowEnd} desc, ${driftReports.createdAt} desc)`.as(
        "rank",
      ),
    })
    .from(driftReports)
    .where(inArray(driftReports.baselineId, ids))
    .as("ranked");
  const rows = await ctx.db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, input.historyLimit))
    .orderBy(asc(ranked.windowEnd));
  const pendingCounts = await ctx.db
    .select({ baselineId: driftReports.baselineId, n: sql<number>`count(*)::int` })
    .from(driftReports)
    .where(and(inArray(driftReports.baselineId, ids), eq(driftReports.status, "pending")))
    .groupBy(driftReports.baselineId);

  const features = baselines.map((b): FeatureDriftRow => {
    const mine = rows.filter((r) => r.baselineId === b.id);
    const history = mine
      .filter((r) => r.status === "computed")
      .map((r) => ({
        reportId: r.reportId,
        windowStart: r.windowStart,
        windowEnd: r.windowEnd,
        psi: r.psi!,
        ks: r.ks,
        jsDistance: r.jsDistance!,
        sampleCount: r.sampleCount,
        modelVersionId: r.modelVersionId,
      }));
    const newest = mine.filter((r) => r.status !== "pending").at(-1);
    return {
      feature: b.feature,
      referenceKind: b.kind,
      baselineUpdatedAt: b.updatedAt,
      latest: history.at(-1) ?? null,
      history,
      pending: pendingCounts.find((p) => p.baselineId === b.id)?.n ?? 0,
      lastError: newest?.status === "failed" ? newest.error : null,
    };
  });
  return { modelId: model.id, features };
}
