"use client";

import { ChartLine } from "lucide-react";
import { useMemo, useState } from "react";
import type { VersionPageDto } from "@/app/(dashboard)/models/[modelId]/versions/[version]/client";
import { ChartLineHistoryCompare } from "@/components/charts/chart-line-history-compare";
import { type HistoryAxis, HistoryAxisControls } from "@/components/models/history-axis-controls";
import { ChartFrame } from "@/components/ui/chart-frame";
import { EmptyState } from "@/components/ui/empty-state";
import { prepareHistoryOverlay } from "@/lib/charts/prepare-compare-series";
import { formatMetricValue } from "@/lib/charts/prepare-metric-sparkline";

type Line = VersionPageDto["history"][number];

/** What a screen reader hears instead of the line: how long it is, where it ends, its range. */
export function historySummary(line: Line): string {
  const { points } = line;
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return `${line.key}: no points logged.`;
  const values = points.map((p) => p.value);
  const shown = points.length < line.total ? ` (${points.length} drawn, peaks kept)` : "";
  return (
    `${line.key}: ${line.total} points${shown} from step ${first.step} to ${last.step}, ` +
    `ending at ${formatMetricValue(last.value)}; lowest ${formatMetricValue(Math.min(...values))}, ` +
    `highest ${formatMetricValue(Math.max(...values))}.`
  );
}

/**
 * Metric history of one version, one chart per metric (the primary metric's first), drawn
 * with the compare page's chart so both pages read the same; x by step or time, optional log y.
 */
export function VersionHistory({ page }: { page: VersionPageDto }) {
  const [axis, setAxis] = useState<HistoryAxis>({ x: "step", log: false });
  const { x, log } = axis;
  const n = page.version.version;
  const primary = page.model.primaryMetric;
  const charts = useMemo(
    () =>
      [...page.history]
        .sort((a, b) => Number(b.key === primary) - Number(a.key === primary))
        .map((line) => ({
          line,
          rows: prepareHistoryOverlay([{ version: n, points: line.points }], { x, log }),
        })),
    [page.history, primary, n, x, log],
  );
  return (
    <section aria-labelledby="version-history" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="version-history" className="font-semibold text-lg">
          Metric history
        </h2>
        {charts.length > 0 ? <HistoryAxisControls value={axis} onChange={setAxis} /> : null}
      </div>
      {charts.length === 0 ? (
        <EmptyState
          icon={ChartLine}
          title="No metric history"
          description="This version logged final values only. Training pipelines send per-step values with POST /api/v1/model-versions/{id}/history."
          className="rounded-lg border"
        />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {charts.map(({ line, rows }) => (
            <ChartFrame
              key={line.key}
              titleAs="h3"
              title={<span className="font-mono">{line.key}</span>}
              description={
                line.total > line.points.length ? "Long history downsampled; peaks kept." : undefined
              }
              ariaLabel={`${line.key} history of v${n}`}
              height={240}
              empty={rows.length === 0}
              emptyTitle="Nothing to draw"
              emptyDescription="No positive values for a log scale."
              summary={historySummary(line)}
            >
              <div className="h-full" data-testid="history-chart" data-series={1}>
                <ChartLineHistoryCompare rows={rows} versions={[n]} colorIndex={[0]} x={x} log={log} />
              </div>
            </ChartFrame>
          ))}
        </div>
      )}
    </section>
  );
}
