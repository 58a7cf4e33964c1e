"use client";

import { ChartLineRunDuration } from "@/components/charts/chart-line-run-duration";
import { ChartLineRunSuccessRate } from "@/components/charts/chart-line-run-success-rate";
import { ChartFrame } from "@/components/ui/chart-frame";
import type { RunTrendPoint } from "@/lib/charts/prepare-run-trend";
import { formatDuration, formatPercent } from "@/lib/utils/format";

/** Duration trend and success rate of one pipeline, side by side, with text summaries for screen readers. */
export function PipelineTrendCharts({ points, rangeLabel }: { points: RunTrendPoint[]; rangeLabel: string }) {
  const withRuns = points.filter((p) => p.total > 0);
  const empty = withRuns.length === 0;
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="pipeline-trend">
      <ChartFrame
        title="Duration"
        description="Median and p95 time from start to finish of finished runs."
        ariaLabel={`Run duration, ${rangeLabel}`}
        empty={empty}
        summary={
          <ul>
            {withRuns.map((p) => (
              <li key={p.bucketStart}>
                {p.label}: median {formatDuration(p.p50Seconds === null ? null : p.p50Seconds * 1000)}, p95{" "}
                {formatDuration(p.p95Seconds === null ? null : p.p95Seconds * 1000)}
              </li>
            ))}
          </ul>
        }
      >
        <ChartLineRunDuration points={points} />
      </ChartFrame>
      <ChartFrame
        title="Success rate"
        description="Succeeded out of finished runs (cancelled and running runs are left out)."
        ariaLabel={`Success rate, ${rangeLabel}`}
        empty={empty}
        summary={
          <ul>
            {withRuns.map((p) => (
              <li key={p.bucketStart}>
                {p.label}: {formatPercent(p.successRate)} of {p.total} runs
              </li>
            ))}
          </ul>
        }
      >
        <ChartLineRunSuccessRate points={points} />
      </ChartFrame>
    </div>
  );
}
