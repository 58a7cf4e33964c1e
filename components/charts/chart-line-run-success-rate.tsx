"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RunTrendPoint } from "@/lib/charts/prepare-run-trend";
import { formatPercent } from "@/lib/utils/format";
import { ChartTooltip } from "./chart-tooltip";

/**
 * Share of finished runs that succeeded, per bucket (0–100 %); a bucket where nothing
 * finished is a break in the line, not 0 %. Draws prepared points only.
 */
export function ChartLineRunSuccessRate({ points }: { points: RunTrendPoint[] }) {
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
          width={44}
          domain={[0, 1]}
          tickLine={false}
          axisLine={false}
          fontSize={12}
          stroke="var(--muted-foreground)"
          tickFormatter={(v: number) => formatPercent(v, 0)}
        />
        <Tooltip
          content={<ChartTooltip valueFormatter={(v) => (typeof v === "number" ? formatPercent(v) : v)} />}
        />
        <Line
          dataKey="successRate"
          name="Success rate"
          stroke="var(--success)"
          strokeWidth={2}
          dot={{ r: 2 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
