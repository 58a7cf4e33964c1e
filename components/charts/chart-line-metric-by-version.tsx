"use client";

import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceDot,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { PreparedMetricByVersion } from "@/lib/charts/prepare-metric-by-version";
import { formatMetricValue } from "@/lib/charts/prepare-metric-sparkline";
import { ChartTooltip } from "./chart-tooltip";

/**
 * One metric across a model's versions, oldest left. Versions without the metric are gaps
 * in the line (never zeros); the best version is ringed. Draws prepared data only.
 */
export function ChartLineMetricByVersion({ prepared }: { prepared: PreparedMetricByVersion }) {
  const best = prepared.points.find((p) => p.version === prepared.best.version);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={prepared.points} margin={{ top: 12, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis
          dataKey="label"
          tickLine={false}
          axisLine={false}
          minTickGap={12}
          fontSize={12}
          stroke="var(--muted-foreground)"
        />
        <YAxis
          domain={["auto", "auto"]}
          tickLine={false}
          axisLine={false}
          width={56}
          fontSize={12}
          stroke="var(--muted-foreground)"
          tickFormatter={(value: number) => formatMetricValue(value)}
        />
        <Tooltip
          cursor={{ stroke: "var(--border)" }}
          content={
            <ChartTooltip
              valueFormatter={(value) => (typeof value === "number" ? formatMetricValue(value) : value)}
            />
          }
        />
        <Line
          type="linear"
          dataKey="value"
          name={prepared.metric}
          stroke="var(--primary)"
          strokeWidth={2}
          dot={{ r: 3, fill: "var(--primary)" }}
          connectNulls={false}
          isAnimationActive={false}
        />
        {best ? (
          <ReferenceDot
            x={best.label}
            y={prepared.best.value}
            r={7}
            fill="none"
            stroke="var(--success)"
            strokeWidth={2}
            ifOverflow="extendDomain"
          />
        ) : null}
      </LineChart>
    </ResponsiveContainer>
  );
}
