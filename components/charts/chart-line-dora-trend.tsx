"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { DORA_TREND_UNITS, type DoraKey, type DoraTrendRow } from "@/lib/charts/prepare-dora";
import { formatMetricValue } from "@/lib/charts/prepare-metric-sparkline";
import { ChartTooltip } from "./chart-tooltip";

const week = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });

/**
 * One DORA metric per week as a small line with dots; a week without data is a break in
 * the line (null), never a drop to zero. Draws prepared rows only (lib/charts/prepare-dora).
 */
export function ChartLineDoraTrend({
  rows,
  metric,
  name,
}: {
  rows: DoraTrendRow[];
  metric: DoraKey;
  name: string;
}) {
  const unit = DORA_TREND_UNITS[metric];
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis
          dataKey="x"
          type="number"
          scale="time"
          domain={["dataMin", "dataMax"]}
          tickFormatter={(x: number) => week.format(x)}
          tickLine={false}
          axisLine={false}
          fontSize={11}
          minTickGap={16}
          stroke="var(--muted-foreground)"
        />
        <YAxis
          width={40}
          tickLine={false}
          axisLine={false}
          fontSize={11}
          stroke="var(--muted-foreground)"
          tickFormatter={(v: number) => formatMetricValue(v)}
        />
        <Tooltip
          content={
            <ChartTooltip
              labelFormatter={(x) => `Week of ${week.format(Number(x))}`}
              valueFormatter={(v) => (typeof v === "number" ? `${formatMetricValue(v)} ${unit}` : v)}
            />
          }
        />
        <Line
          type="linear"
          dataKey={metric}
          name={name}
          stroke="var(--chart-1)"
          strokeWidth={2}
          dot={{ r: 2 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
