"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RunTrendPoint } from "@/lib/charts/prepare-run-trend";
import { formatDuration } from "@/lib/utils/format";
import { ChartTooltip } from "./chart-tooltip";

const seconds = (v: number) => formatDuration(v * 1000);

/**
 * A pipeline's median and p95 run duration per bucket; a bucket where nothing finished is
 * a break in the line. Draws prepared points only (lib/charts/prepare-run-trend).
 */
export function ChartLineRunDuration({ points }: { points: RunTrendPoint[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis
          dataKey="label"
          tickLine={false}
          axisLine={false}
          minTickGap={16}
          fontSize={12}
          stroke="var(--muted-foreground)"
        />
        <YAxis
          width={56}
          tickLine={false}
          axisLine={false}
          fontSize={12}
          stroke="var(--muted-foreground)"
          tickFormatter={seconds}
        />
        <Tooltip
          content={<ChartTooltip valueFormatter={(v) => (typeof v === "number" ? seconds(v) : v)} />}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line
          dataKey="p50Seconds"
          name="Median"
          stroke="var(--chart-1)"
          strokeWidth={2}
          dot={{ r: 2 }}
          connectNulls={false}
          isAnimationActive={false}
        />
        <Line
          dataKey="p95Seconds"
          name="p95"
          stroke="var(--chart-2)"
          strokeWidth={2}
          strokeDasharray="4 3"
          dot={{ r: 2 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
