import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { normalizeBatch } from "./ingest/normalize-batch";
import { type ResolvedSeries, resolveSeries } from "./ingest/resolve-series";
import { writePoints } from "./ingest/write-points";

export type IngestResult = {
  /** Distinct series in the batch (by canonical key). */
  series: number;
  /** Distinct points accepted (one per series and millisecond; a repeat in the batch counts once). */
  points: number;
};

/** Keys named in one audit event; a batch that creates thousands of series lists only the first ones. */
const AUDITED_KEYS = 20;

/**
 * `POST /api/v1/metrics`: validates the whole batch first (one bad point rejects it all),
 * then, in one transaction, finds or creates each series by canonical key and upserts its
 * points. Idempotent per (series, timestamp): sending a batch twice changes nothing.
 * Points themselves are not audited (they are data, not changes); new series are.
 */
export async function ingestMetrics(ctx: ServiceContext, raw: unknown): Promise<IngestResult> {
  assertCan(ctx.actor, "monitoring:write");
  const batch = normalizeBatch(raw, nowOf(ctx));
  await ctx.db.transaction(async (tx) => {
    const series = await resolveSeries(tx, ctx.actor, batch.series);
    await writePoints(tx, series);
    for (const [projectId, created] of createdByProject(series)) {
      await recordAudit(tx, ctx.actor, {
        action: "metrics.series_created",
        targetType: "project",
        targetId: projectId,
        projectId,
        data: { count: created.length, keys: created.slice(0, AUDITED_KEYS) },
      });
    }
  });
  return { series: batch.series.length, points: batch.points };
}

function createdByProject(series: ResolvedSeries[]): Map<string, string[]> {
  const byProject = new Map<string, string[]>();
  for (const s of series) {
    if (!s.created) continue;
    byProject.set(s.projectId, [...(byProject.get(s.projectId) ?? []), s.key]);
  }
  return byProject;
}
