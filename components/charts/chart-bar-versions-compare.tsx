"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { versionColor } from "@/lib/charts/prepare-compare-series";
import { ChartTooltip } from "./chart-tooltip";

export type VersionBar = {
  label: string;
  value: number | null;
  best: boolean;
  baseline: boolean;
  index: number;
};

const fmt = (value: number | string) =>
  typeof value === "number" ? String(Number(value.toPrecision(4))) : value;

/** One metric across the selected versions: a bar per version in its colour, the best labelled ★. */
export function ChartBarVersionsCompare({ bars }: { bars: VersionBar[] }) {
  const data = bars.map((b) => ({ ...b, mark: b.best ? "★ best" : b.baseline ? "baseline" : "" }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 16, right: 4, bottom: 0, left: -8 }}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis
          dataKey="label"
          tickLine={false}
          axisLine={false}
          fontSize={11}
          stroke="var(--muted-foreground)"
        />
        <YAxis
          tickFormatter={fmt}
          tickLine={false}
          axisLine={false}
          fontSize={11}
          width={48}
          stroke="var(--muted-foreground)"
        />
        <Tooltip cursor={{ fill: "var(--muted)" }} content={<ChartTooltip valueFormatter={fmt} />} />
        <Bar dataKey="value" name="value" isAnimationActive={false}>
          {data.map((b) => (
            <Cell
              key={b.label}
              fill={versionColor(b.index)}
              stroke={b.best ? "var(--foreground)" : undefined}
              strokeWidth={b.best ? 2 : 0}
            />
          ))}
          <LabelList dataKey="mark" position="top" fontSize={10} fill="var(--foreground)" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
