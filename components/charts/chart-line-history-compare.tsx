"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { type OverlayRow, seriesKey, versionColor } from "@/lib/charts/prepare-compare-series";
import { ChartTooltip } from "./chart-tooltip";

const fmt = (value: number | string) =>
  typeof value === "number" ? String(Number(value.toPrecision(4))) : value;

/**
 * One metric's history, one line per version, overlaid on a shared x (step or time). The
 * tooltip lists every version at the hovered x. Draws prepared rows only.
 */
export function ChartLineHistoryCompare({
  rows,
  versions,
  colorIndex,
  x,
  log,
}: {
  rows: OverlayRow[];
  versions: number[];
  /** Each version's colour slot (its place in the whole selection). */
  colorIndex: number[];
  x: "step" | "time";
  log: boolean;
}) {
  const formatX = (v: number | string) =>
    x === "time" && typeof v === "number" ? new Date(v).toLocaleString() : String(v);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis
          dataKey="x"
          type="number"
          domain={["dataMin", "dataMax"]}
          tickFormatter={formatX}
          fontSize={11}
          stroke="var(--muted-foreground)"
        />
        <YAxis
          scale={log ? "log" : "linear"}
          domain={["auto", "auto"]}
          allowDataOverflow={log}
          tickFormatter={fmt}
          fontSize={11}
          width={52}
          stroke="var(--muted-foreground)"
        />
        <Tooltip
          content={<ChartTooltip valueFormatter={fmt} labelFormatter={(l) => `${x} ${formatX(l)}`} />}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {versions.map((version, i) => (
          <Line
            key={version}
            dataKey={seriesKey(version)}
            name={`v${version}`}
            stroke={versionColor(colorIndex[i] ?? i)}
            dot={false}
            strokeWidth={1.5}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
