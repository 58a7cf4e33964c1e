"use client";

import { useMemo } from "react";
import type { ComparisonDto } from "@/app/(dashboard)/models/[modelId]/compare/client";
import { ChartParallelVersions } from "@/components/charts/chart-parallel-versions";
import { ChartFrame } from "@/components/ui/chart-frame";
import { prepareParallel, seriesKey } from "@/lib/charts/prepare-compare-series";

/** Numeric params and metrics as parallel coordinates; the tooltip shows real values. */
export function CompareParallel({ comparison: c }: { comparison: ComparisonDto }) {
  const { data, raw } = useMemo(() => {
    const data = prepareParallel(c.versions);
    const raw = new Map<string, Record<string, number | null>>();
    for (const d of data.dimensions) {
      const values: Record<string, number | null> = {};
      for (const v of c.versions) {
        const x = d.kind === "param" ? v.params[d.key] : v.metrics[d.key];
        values[seriesKey(v.version)] = x === undefined ? null : Number(x);
      }
      raw.set(d.label, values);
    }
    return { data, raw };
  }, [c.versions]);
  const versions = c.versions.map((v) => v.version);
  return (
    <ChartFrame
      title="Params and metrics"
      description="Parallel coordinates: each axis is a numeric param or metric, scaled from its lowest (bottom) to highest (top) value among these versions."
      ariaLabel="Parallel coordinates of numeric params and metrics per version"
      height={300}
      empty={data.dimensions.length < 2}
      emptyTitle="Not enough numeric params or metrics"
      emptyDescription="Parallel coordinates need at least two numeric dimensions."
    >
      <div className="h-full" data-testid="parallel-chart">
        <ChartParallelVersions data={data} versions={versions} raw={raw} />
      </div>
    </ChartFrame>
  );
}
