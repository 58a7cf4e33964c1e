"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TimelineBar } from "@/lib/charts/prepare-run-timeline";
import { formatDuration } from "@/lib/utils/format";

const ROW_HEIGHT = 28;

function TimelineTooltip({
  active,
  payload,
}: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: unknown }>;
}) {
  const row = payload?.[0]?.payload as TimelineBar | undefined;
  if (!active || !row) return null;
  return (
    <div className="rounded-md border bg-popover px-3 py-2 text-popover-foreground text-xs shadow-md">
      <div className="font-medium">
        {row.type === "stage" ? "Stage " : ""}
        {row.label}
      </div>
      <div className="text-muted-foreground">
        {row.status}
        {row.notStarted
          ? " · not started"
          : ` · starts +${formatDuration(row.offset * 1000)} · ${formatDuration(row.duration * 1000)}${row.open ? " so far" : ""}`}
      </div>
    </div>
  );
}

/** The height a timeline of `rows` bars needs, so the frame can size itself without layout shift. */
export function timelineHeight(rows: number): number {
  return Math.max(120, rows * ROW_HEIGHT + 40);
}

/**
 * Jobs and stages as horizontal bars: an invisible bar for the start offset stacked with a
 * coloured one for the duration. Draws prepared data only (prepareRunTimeline).
 */
export function ChartBarRunTimeline({ bars }: { bars: TimelineBar[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={bars}
        layout="vertical"
        margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
        barCategoryGap={6}
      >
        <CartesianGrid horizontal={false} stroke="var(--border)" />
        <XAxis
          type="number"
          domain={[0, "dataMax"]}
          tickFormatter={(s: number) => formatDuration(s * 1000)}
          tickLine={false}
          axisLine={false}
          fontSize={12}
          stroke="var(--muted-foreground)"
        />
        <YAxis
          type="category"
          dataKey="key"
          width={160}
          tickFormatter={(key: string) => {
            const row = bars.find((b) => b.key === key);
            return row ? (row.type === "stage" ? row.label : `  ${row.label}`) : key;
          }}
          tickLine={false}
          axisLine={false}
          fontSize={12}
          stroke="var(--muted-foreground)"
        />
        <Tooltip cursor={{ fill: "var(--muted)" }} content={<TimelineTooltip />} />
        <Bar dataKey="offset" stackId="t" fill="transparent" isAnimationActive={false} />
        <Bar dataKey="duration" stackId="t" isAnimationActive={false} minPointSize={2}>
          {bars.map((b) => (
            <Cell key={b.key} fill={b.color} fillOpacity={b.type === "stage" ? 0.55 : 1} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
