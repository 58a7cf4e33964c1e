"use client";

import { useMemo, useState } from "react";
import type { ComparisonDto } from "@/app/(dashboard)/models/[modelId]/compare/client";
import { ChartLineHistoryCompare } from "@/components/charts/chart-line-history-compare";
import { type HistoryAxis, HistoryAxisControls } from "@/components/models/history-axis-controls";
import { ChartFrame } from "@/components/ui/chart-frame";
import { prepareHistoryOverlay } from "@/lib/charts/prepare-compare-series";

/** Metric history, one chart per metric, one line per version; x by step or time, optional log y. */
export function CompareHistory({ comparison: c }: { comparison: ComparisonDto }) {
  const [axis, setAxis] = useState<HistoryAxis>({ x: "step", log: false });
  const { x, log } = axis;
  const charts = useMemo(
    () =>
      c.history.map((h) => ({
        key: h.key,
        versions: h.lines.map((l) => l.version),
        downsampled: h.lines.some((l) => l.total > l.points.length),
        // The API sends points as [step, value, epoch ms] tuples (compact); the chart wants objects.
        rows: prepareHistoryOverlay(
          h.lines.map((l) => ({
            version: l.version,
            // JSON typing widens the tuple to number[]; the API always sends three numbers.
            points: l.points.map((p) => ({ step: p[0]!, value: p[1]!, ts: p[2]! })),
          })),
          { x, log },
        ),
      })),
    [c.history, x, log],
  );
  if (c.history.length === 0) return null;
  const all = c.versions.map((v) => v.version);
  return (
    <section aria-labelledby="compare-history" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="compare-history" className="font-semibold text-lg">
          Metric history
        </h2>
        <HistoryAxisControls value={axis} onChange={setAxis} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {charts.map((chart) => (
          <ChartFrame
            key={chart.key}
            titleAs="h3"
            title={<span className="font-mono">{chart.key}</span>}
            description={chart.downsampled ? "Long histories downsampled; peaks kept." : undefined}
            ariaLabel={`${chart.key} history of ${chart.versions.map((v) => `v${v}`).join(", ")}`}
            height={240}
            empty={chart.rows.length === 0}
            emptyTitle="Nothing to draw"
            emptyDescription="No positive values for a log scale."
          >
            {/* Colours follow the selection order, so a version keeps its colour across charts. */}
            <div className="h-full" data-testid="history-chart" data-series={chart.versions.length}>
              <ChartLineHistoryCompare
                rows={chart.rows}
                versions={chart.versions}
                colorIndex={chart.versions.map((v) => all.indexOf(v))}
                x={x}
                log={log}
              />
            </div>
          </ChartFrame>
        ))}
      </div>
    </section>
  );
}
