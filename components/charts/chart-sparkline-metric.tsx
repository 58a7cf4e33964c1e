"use client";

import { Line, LineChart, YAxis } from "recharts";
import type { SparklinePoint } from "@/lib/charts/prepare-metric-sparkline";

export type ChartSparklineMetricProps = {
  points: SparklinePoint[];
  /** Spoken instead of the drawing; use the prepared summary. */
  ariaLabel: string;
  width?: number;
  height?: number;
};

/**
 * A model's primary metric across versions as a tiny line. Fixed size on purpose: no
 * ResponsiveContainer (which measures after mount and shifts table rows), and no
 * accessibility layer, so a table of sparklines is not a row of tab stops.
 */
export function ChartSparklineMetric({
  points,
  ariaLabel,
  width = 112,
  height = 28,
}: ChartSparklineMetricProps) {
  return (
    <div role="img" aria-label={ariaLabel} style={{ width, height }} className="shrink-0">
      <LineChart
        width={width}
        height={height}
        data={points}
        margin={{ top: 3, right: 3, bottom: 3, left: 3 }}
        accessibilityLayer={false}
      >
        <YAxis hide domain={["dataMin", "dataMax"]} />
        <Line
          type="monotone"
          dataKey="value"
          stroke="var(--primary)"
          strokeWidth={1.5}
          dot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
