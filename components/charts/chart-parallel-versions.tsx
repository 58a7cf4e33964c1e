"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { type ParallelData, seriesKey, versionColor } from "@/lib/charts/prepare-compare-series";

/**
 * Parallel coordinates: each x tick is a numeric param or metric (labelled with its real
 * range), each line a version, values scaled 0..1 per dimension so they share one axis.
 */
export function ChartParallelVersions({
  data,
  versions,
  raw,
}: {
  data: ParallelData;
  versions: number[];
  /** Real values by dimension label and series key, for the tooltip. */
  raw: Map<string, Record<string, number | null>>;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data.rows} margin={{ top: 8, right: 24, bottom: 24, left: 0 }}>
        <CartesianGrid stroke="var(--border)" horizontal={false} />
        <XAxis
          dataKey="dimension"
          interval={0}
          fontSize={11}
          angle={-20}
          textAnchor="end"
          height={48}
          stroke="var(--muted-foreground)"
        />
        <YAxis
          domain={[0, 1]}
          ticks={[0, 1]}
          tickFormatter={(v: number) => (v === 0 ? "min" : "max")}
          fontSize={11}
          width={36}
          stroke="var(--muted-foreground)"
        />
        <Tooltip
          content={({ active, label }) => {
            if (!active || label === undefined) return null;
            const values = raw.get(String(label)) ?? {};
            return (
              <div className="rounded-md border bg-popover px-3 py-2 text-popover-foreground text-xs shadow-md">
                <p className="mb-1 font-medium">{String(label)}</p>
                {versions.map((version, i) => {
                  const value = values[seriesKey(version)];
                  return (
                    <p key={version} className="flex justify-between gap-3">
                      <span style={{ color: versionColor(i) }}>v{version}</span>
                      <span className="font-mono">
                        {value == null ? "—" : String(Number(value.toPrecision(4)))}
                      </span>
                    </p>
                  );
                })}
              </div>
            );
          }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {versions.map((version, i) => (
          <Line
            key={version}
            dataKey={seriesKey(version)}
            name={`v${version}`}
            stroke={versionColor(i)}
            strokeWidth={2}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
