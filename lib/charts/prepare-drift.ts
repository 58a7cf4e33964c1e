import { formatMetricValue } from "./prepare-metric-sparkline";

/**
 * Shapes drift reports (per feature: PSI, Kolmogorov–Smirnov, Jensen–Shannon per window)
 * for the drift table, its sparklines and the per-feature chart. Pure and unit-tested.
 * The input is what lib/drift/list-feature-drift.ts returns (as JSON); a report that failed
 * or is pending has null scores and stays a gap, never a zero.
 */

type Time = string | Date;

export type FeatureDriftReportInput = {
  windowEnd: Time;
  psi: number | null;
  ks: number | null;
  jsDistance: number | null;
};
export type FeatureDriftInput = { feature: string; reports: readonly FeatureDriftReportInput[] };

export type DriftLevel = "drift" | "watch" | "ok" | "no data";

/** Rules of thumb (as lib/drift says): PSI < 0.1 stable, 0.1–0.2 moderate, ≥ 0.2 drift; KS and JS the same bands. */
export const DRIFT_BANDS = { psi: [0.1, 0.2], ks: [0.1, 0.2], jsDistance: [0.1, 0.2] } as const;

export type DriftChartRow = { x: number; psi: number | null; ks: number | null; jsDistance: number | null };

export type DriftTableRow = {
  feature: string;
  latest: { at: number; psi: number | null; ks: number | null; jsDistance: number | null } | null;
  level: DriftLevel;
  /** Oldest first, PSI only: the sparkline. */
  sparkline: { version: number; value: number | null }[];
  chart: DriftChartRow[];
  summary: string;
};

function levelOf(scores: { psi: number | null; ks: number | null; jsDistance: number | null }): DriftLevel {
  const levels = (["psi", "ks", "jsDistance"] as const).flatMap((k) => {
    const v = scores[k];
    if (v === null) return [];
    const [watch, drift] = DRIFT_BANDS[k];
    return [v >= drift ? 2 : v >= watch ? 1 : 0];
  });
  if (levels.length === 0) return "no data";
  const worst = Math.max(...levels);
  return worst === 2 ? "drift" : worst === 1 ? "watch" : "ok";
}

const show = (v: number | null) => (v === null ? "—" : formatMetricValue(v));

/** Rows sorted worst first, then by feature name. */
export function prepareDriftTable(features: readonly FeatureDriftInput[]): DriftTableRow[] {
  const rank: Record<DriftLevel, number> = { drift: 0, watch: 1, ok: 2, "no data": 3 };
  return features
    .map((f): DriftTableRow => {
      const chart = f.reports
        .map((r) => ({ x: new Date(r.windowEnd).getTime(), psi: r.psi, ks: r.ks, jsDistance: r.jsDistance }))
        .filter((r) => Number.isFinite(r.x))
        .sort((a, b) => a.x - b.x);
      const scored = chart.filter((r) => r.psi !== null || r.ks !== null || r.jsDistance !== null);
      const last = scored.at(-1) ?? null;
      const latest = last ? { at: last.x, psi: last.psi, ks: last.ks, jsDistance: last.jsDistance } : null;
      const level = latest ? levelOf(latest) : "no data";
      return {
        feature: f.feature,
        latest,
        level,
        sparkline: chart.map((r, i) => ({ version: i + 1, value: r.psi })),
        chart,
        summary: latest
          ? `${f.feature}: ${level}, PSI ${show(latest.psi)}, KS ${show(latest.ks)}, JS ${show(latest.jsDistance)} over ${chart.length} windows`
          : `${f.feature}: no drift scores yet`,
      };
    })
    .sort((a, b) => rank[a.level] - rank[b.level] || a.feature.localeCompare(b.feature));
}
