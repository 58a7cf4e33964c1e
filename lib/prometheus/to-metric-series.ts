import type { PrometheusConnectionConfig } from "@/lib/connections/config-schema";
import { INGEST_LIMITS } from "@/lib/monitoring/ingest/batch-schema";
import { matrixToSeries, type PrometheusMatrix } from "./client";

type Query = Pick<PrometheusConnectionConfig["queries"][number], "seriesName" | "kind" | "labels" | "unit">;

/** One series of a `POST /api/v1/metrics`-shaped batch. */
export type IngestSeries = {
  name: string;
  labels: Record<string, string>;
  kind: "service" | "model";
  unit?: string;
  points: [number, number][];
};

// Tandem's ingest takes these label names (Prometheus's reserved "__" ones are left out).
const LABEL_NAME = /^(?!__)[a-zA-Z_][a-zA-Z0-9_]{0,99}$/;

/**
 * Maps a query_range matrix to Tandem series: the configured series name, the Prometheus
 * series' labels, then the configured labels (which win) and the project slug. When the
 * query returns several metric names, the name is kept apart as `<seriesName>:<__name__>`
 * so their series do not merge; otherwise `__name__` is dropped. Series left with no
 * finite sample are skipped, and labels beyond the ingest's limit are dropped (the
 * configured ones first kept).
 */
export function toMetricSeries(matrix: PrometheusMatrix, query: Query, projectSlug: string): IngestSeries[] {
  const names = new Set(matrix.result.map((s) => s.metric.__name__ ?? ""));
  const keepName = names.size > 1;
  const out: IngestSeries[] = [];
  for (const series of matrixToSeries(matrix)) {
    if (series.points.length === 0) continue;
    const own = Object.entries(series.labels).filter(
      ([key, value]) => LABEL_NAME.test(key) && value !== "" && key !== "project",
    );
    const fixed = { ...query.labels, project: projectSlug };
    const room = INGEST_LIMITS.labels - Object.keys(fixed).length;
    const labels: Record<string, string> = {};
    for (const [key, value] of own.filter(([key]) => !(key in fixed)).slice(0, Math.max(0, room))) {
      labels[key] = value.slice(0, INGEST_LIMITS.labelValueChars);
    }
    Object.assign(labels, fixed);
    const metricName = series.labels.__name__;
    out.push({
      name: keepName && metricName ? `${query.seriesName}:${metricName}` : query.seriesName,
      labels,
      kind: query.kind,
      ...(query.unit ? { unit: query.unit } : {}),
      points: series.points,
    });
  }
  return out;
}

/** Splits series into batches the ingest accepts (points and series per request). */
export function toBatches(series: IngestSeries[]): IngestSeries[][] {
  const batches: IngestSeries[][] = [];
  let current: IngestSeries[] = [];
  let points = 0;
  const flush = () => {
    if (current.length > 0) batches.push(current);
    current = [];
    points = 0;
  };
  for (const s of series) {
    for (let start = 0; start < s.points.length; ) {
      const take = Math.min(s.points.length - start, INGEST_LIMITS.points - points);
      current.push({ ...s, points: s.points.slice(start, start + take) });
      points += take;
      start += take;
      if (points >= INGEST_LIMITS.points || current.length >= INGEST_LIMITS.series) flush();
    }
  }
  flush();
  return batches;
}
