"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { COMPARE_FILLS, type MetricCompareGroup } from "@/lib/charts/prepare-metric-compare";
import { ChartTooltip } from "./chart-tooltip";

const formatValue = (value: number | string) =>
  typeof value === "number" ? String(Number(value.toPrecision(4))) : value;

function Swatch({ fill, label }: { fill: string; label: string }) {
  return (
    <span className="flex items-center gap-1.5">
      <span aria-hidden="true" className="size-2.5 rounded-sm" style={{ backgroundColor: fill }} />
      {label}
    </span>
  );
}

/**
 * Candidate against current, one pair of bars per metric, one small chart per group of
 * metrics sharing a scale. The candidate's bar is green when better and red when worse
 * (direction-aware, decided by the preparer); a metric missing on one side has no bar.
 * Draws prepared data only.
 */
export function ChartBarMetricCompare({
  groups,
  candidateLabel,
  currentLabel,
}: {
  groups: MetricCompareGroup[];
  candidateLabel: string;
  currentLabel: string | null;
}) {
  return (
    <div className="flex h-full w-full flex-col gap-2" data-testid="metric-compare-chart">
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-muted-foreground text-xs">
        {currentLabel ? <Swatch fill={COMPARE_FILLS.current} label={currentLabel} /> : null}
        <Swatch fill={COMPARE_FILLS.better} label={`${candidateLabel}: better`} />
        <Swatch fill={COMPARE_FILLS.worse} label={`${candidateLabel}: worse`} />
        <Swatch fill={COMPARE_FILLS.neutral} label={`${candidateLabel}: same or not comparable`} />
      </div>
      <div className="flex min-h-0 flex-1 gap-4">
        {groups.map((group) => (
          <div
            key={group.key}
            className="flex min-w-0 flex-col"
            style={{ flex: `${group.rows.length + 1} 1 0` }}
          >
            <p className="truncate text-muted-foreground text-xs">{group.title}</p>
            <div className="min-h-0 flex-1">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={group.rows} margin={{ top: 8, right: 4, bottom: 0, left: -12 }} barGap={2}>
                  <CartesianGrid vertical={false} stroke="var(--border)" />
                  <XAxis
                    dataKey="metric"
                    tickLine={false}
                    axisLine={false}
                    interval={0}
                    fontSize={11}
                    stroke="var(--muted-foreground)"
                  />
                  <YAxis
                    domain={group.key === "unit" ? [0, 1] : [0, "auto"]}
                    tickLine={false}
                    axisLine={false}
                    fontSize={11}
                    width={44}
                    stroke="var(--muted-foreground)"
                  />
                  <Tooltip
                    cursor={{ fill: "var(--muted)" }}
                    content={<ChartTooltip valueFormatter={formatValue} />}
                  />
                  {currentLabel ? (
                    <Bar
                      dataKey="current"
                      name={currentLabel}
                      fill={COMPARE_FILLS.current}
                      isAnimationActive={false}
                    />
                  ) : null}
                  <Bar dataKey="candidate" name={candidateLabel} isAnimationActive={false}>
                    {group.rows.map((row) => (
                      <Cell key={row.metric} fill={row.candidateFill} />
                    ))}
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
