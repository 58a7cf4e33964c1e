"use client";

import { ListTree } from "lucide-react";
import { ChartBarRunTimeline, timelineHeight } from "@/components/charts/chart-bar-run-timeline";
import { ChartFrame } from "@/components/ui/chart-frame";
import { prepareRunTimeline } from "@/lib/charts/prepare-run-timeline";
import type { RunDetailDto } from "@/lib/queries/runs";
import { formatDuration } from "@/lib/utils/format";

/** Jobs and stages of one run as bars from the run's start; the summary lists them for screen readers. */
export function RunTimeline({ run }: { run: RunDetailDto }) {
  const { bars, totalSeconds } = prepareRunTimeline(run, run.jobs, new Date());
  return (
    <ChartFrame
      title="Jobs and stages"
      description={
        bars.length
          ? `Offsets from the run's start; ${formatDuration(totalSeconds * 1000)} in all.`
          : undefined
      }
      ariaLabel={`Timeline of the ${run.jobs.length} jobs of this run`}
      height={timelineHeight(bars.length)}
      empty={bars.length === 0}
      emptyIcon={ListTree}
      emptyTitle="No jobs reported"
      emptyDescription="The provider has not sent jobs or stages for this run."
      summary={
        <ul>
          {bars.map((b) => (
            <li key={b.key}>
              {b.type === "stage" ? "Stage" : "Job"} {b.label}: {b.status}
              {b.notStarted ? ", not started" : `, ${formatDuration(b.duration * 1000)}`}
            </li>
          ))}
        </ul>
      }
    >
      <div className="h-full" data-testid="run-timeline">
        <ChartBarRunTimeline bars={bars} />
      </div>
    </ChartFrame>
  );
}
