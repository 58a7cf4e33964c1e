"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RunActivityPoint } from "@/lib/charts/prepare-run-activity";
import { ChartTooltip } from "./chart-tooltip";

/** Runs per bucket stacked by outcome. Draws prepared data only. */
export function ChartBarRunActivity({ points }: { points: RunActivityPoint[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
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
          allowDecimals={false}
          tickLine={false}
          axisLine={false}
          fontSize={12}
          stroke="var(--muted-foreground)"
        />
        <Tooltip cursor={{ fill: "var(--muted)" }} content={<ChartTooltip />} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar
          dataKey="succeeded"
          name="Succeeded"
          stackId="runs"
          fill="var(--success)"
          isAnimationActive={false}
        />
        <Bar
          dataKey="failed"
          name="Failed"
          stackId="runs"
          fill="var(--destructive)"
          isAnimationActive={false}
        />
        <Bar
          dataKey="other"
          name="Other"
          stackId="runs"
          fill="var(--muted-foreground)"
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
