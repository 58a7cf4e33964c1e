"use client";

import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { DRIFT_BANDS, type DriftChartRow } from "@/lib/charts/prepare-drift";
import { formatMetricValue } from "@/lib/charts/prepare-metric-sparkline";
import { ChartTooltip } from "./chart-tooltip";

const day = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", hour: "2-digit" });
const LINES = [
  { key: "psi", name: "PSI", color: "var(--chart-1)" },
  { key: "ks", name: "KS", color: "var(--chart-2)" },
  { key: "jsDistance", name: "JS distance", color: "var(--chart-3)" },
] as const;

/** One feature's PSI, KS and JS per window, with the PSI drift band as a dashed line. */
export function ChartLineDrift({ rows }: { rows: DriftChartRow[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis
          dataKey="x"
          type="number"
          scale="time"
          domain={["dataMin", "dataMax"]}
          tickFormatter={(x: number) => day.format(x)}
          tickLine={false}
          axisLine={false}
          fontSize={12}
          minTickGap={24}
          stroke="var(--muted-foreground)"
        />
        <YAxis width={44} tickLine={false} axisLine={false} fontSize={12} stroke="var(--muted-foreground)" />
        <Tooltip
          content={
            <ChartTooltip
              labelFormatter={(x) => day.format(Number(x))}
              valueFormatter={(v) => (typeof v === "number" ? formatMetricValue(v) : v)}
            />
          }
        />
        <ReferenceLine
          y={DRIFT_BANDS.psi[1]}
          stroke="var(--destructive)"
          strokeDasharray="4 3"
          ifOverflow="extendDomain"
        />
        {LINES.map((l) => (
          <Line
            key={l.key}
            type="linear"
            dataKey={l.key}
            name={l.name}
            stroke={l.color}
            strokeWidth={2}
            dot={{ r: 2 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
