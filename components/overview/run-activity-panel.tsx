"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { ChartBarRunActivity } from "@/components/charts/chart-bar-run-activity";
import { ChartFrame } from "@/components/ui/chart-frame";
import { prepareRunActivity } from "@/lib/charts/prepare-run-activity";
import type { ScopeFilters } from "@/lib/queries/keys";
import { overviewQueries, type RunActivityDto } from "@/lib/queries/overview";
import { parseTimeRange } from "@/lib/utils/time-range";

export function RunActivityPanel({ filters, initial }: { filters: ScopeFilters; initial: RunActivityDto }) {
  const { data, dataUpdatedAt } = useQuery({ ...overviewQueries.runActivity(filters), initialData: initial });
  const points = useMemo(() => {
    const to = new Date(dataUpdatedAt || Date.now());
    const from = new Date(to.getTime() - parseTimeRange(filters.range).ms);
    return prepareRunActivity(data.buckets, data.bucket, from, to);
  }, [data, dataUpdatedAt, filters.range]);
  const failed = points.reduce((sum, p) => sum + p.failed, 0);
  const total = points.reduce((sum, p) => sum + p.total, 0);
  return (
    <ChartFrame
      title="Pipeline runs"
      description={`Per ${data.bucket}, by outcome`}
      ariaLabel="Pipeline runs per time bucket, stacked by outcome"
      summary={`${total} runs in range, ${failed} failed.`}
      empty={total === 0}
      emptyTitle="No runs in this range"
      height={240}
    >
      <ChartBarRunActivity points={points} />
    </ChartFrame>
  );
}
