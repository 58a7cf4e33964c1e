"use client";

import { Fragment, useState } from "react";
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatMetricValue } from "@/lib/charts/prepare-metric-sparkline";
import type { PreparedSeriesChart } from "@/lib/charts/prepare-series";
import { ChartTooltip } from "./chart-tooltip";

const DAY = 86_400_000;

function tickFormatter(domain: [number, number]) {
  const format = new Intl.DateTimeFormat(
    undefined,
    domain[1] - domain[0] <= 2 * DAY
      ? { hour: "2-digit", minute: "2-digit" }
      : { month: "short", day: "numeric" },
  );
  return (x: number) => format.format(x);
}

const fullTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

type MarkerLabelProps = { viewBox?: { x?: number; y?: number }; label: string; href: string };

/** A deployment's version above its marker line, linking to the deployment. */
function MarkerLabel({ viewBox, label, href }: MarkerLabelProps) {
  const x = viewBox?.x ?? 0;
  const y = (viewBox?.y ?? 0) + 10;
  return (
    <a href={href} aria-label={`Deployment ${label}`}>
      <text x={x + 4} y={y} fontSize={11} fill="var(--muted-foreground)" className="hover:underline">
        {label}
      </text>
    </a>
  );
}

export type ChartShade = { from: number; to: number; label: string };

export type ChartLineSeriesProps = {
  prepared: PreparedSeriesChart;
  /** Drag across the chart to pick a narrower range (brush-to-zoom); omit to disable. */
  onZoom?: (from: number, to: number) => void;
  /** Shaded spans, e.g. the before / after windows around a deployment. */
  shades?: readonly ChartShade[];
};

type PointerState = { activeLabel?: string | number } | null | undefined;
const labelOf = (state: PointerState) =>
  state?.activeLabel === undefined ? null : Number(state.activeLabel);

/**
 * Series over time: each series' average as a line and its min–max as a faint band (so a
 * spike the average smooths away still shows), breaking at gaps, with every deployment
 * drawn as a dashed marker that names its version and opens it, alert thresholds as
 * horizontal lines, and optional shaded spans. Dragging selects a range to zoom into.
 * Draws prepared data only.
 */
export function ChartLineSeries({ prepared, onZoom, shades = [] }: ChartLineSeriesProps) {
  const unitOf = new Map(prepared.lines.map((l) => [l.name, l.unit]));
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const finishDrag = () => {
    if (drag && onZoom && Math.abs(drag.end - drag.start) > 0) {
      onZoom(Math.min(drag.start, drag.end), Math.max(drag.start, drag.end));
    }
    setDrag(null);
  };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart
        data={prepared.rows}
        margin={{ top: 16, right: 16, bottom: 0, left: 0 }}
        onMouseDown={(state: PointerState) => {
          const x = labelOf(state);
          if (onZoom && x !== null) setDrag({ start: x, end: x });
        }}
        onMouseMove={(state: PointerState) => {
          const x = labelOf(state);
          if (drag && x !== null) setDrag({ ...drag, end: x });
        }}
        onMouseUp={finishDrag}
        onMouseLeave={() => setDrag(null)}
        style={onZoom ? { cursor: "crosshair", userSelect: "none" } : undefined}
      >
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis
          dataKey="x"
          type="number"
          scale="time"
          domain={prepared.domain}
          tickFormatter={tickFormatter(prepared.domain)}
          tickLine={false}
          axisLine={false}
          minTickGap={24}
          fontSize={12}
          stroke="var(--muted-foreground)"
        />
        <YAxis
          domain={["auto", "auto"]}
          tickLine={false}
          axisLine={false}
          width={56}
          fontSize={12}
          stroke="var(--muted-foreground)"
          tickFormatter={(value: number) => formatMetricValue(value)}
        />
        <Tooltip
          cursor={{ stroke: "var(--border)" }}
          content={
            <ChartTooltip
              labelFormatter={(x) => fullTime.format(Number(x))}
              valueFormatter={(value, name) => {
                const unit = unitOf.get(name);
                const shown = typeof value === "number" ? formatMetricValue(value) : value;
                return unit ? `${shown} ${unit}` : shown;
              }}
            />
          }
        />
        {prepared.lines.map((line) => (
          <Fragment key={line.id}>
            <Area
              type="linear"
              dataKey={line.bandKey}
              name={`${line.name} (min–max)`}
              stroke="none"
              fill={line.color}
              fillOpacity={0.15}
              connectNulls={false}
              isAnimationActive={false}
              activeDot={false}
            />
            <Line
              type="linear"
              dataKey={line.valueKey}
              name={line.name}
              stroke={line.color}
              strokeWidth={2}
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
          </Fragment>
        ))}
        {shades.map((shade) => (
          <ReferenceArea
            key={`${shade.label}-${shade.from}`}
            x1={shade.from}
            x2={shade.to}
            fill="var(--chart-4)"
            fillOpacity={0.08}
            ifOverflow="hidden"
            label={{
              value: shade.label,
              position: "insideTopLeft",
              fontSize: 11,
              fill: "var(--muted-foreground)",
            }}
          />
        ))}
        {prepared.thresholds.map((t) => (
          <ReferenceLine
            key={`${t.label}-${t.y}`}
            y={t.y}
            stroke={t.firing ? "var(--destructive)" : "var(--muted-foreground)"}
            strokeDasharray={t.firing ? undefined : "2 4"}
            ifOverflow="extendDomain"
            label={{
              value: t.label,
              position: "insideBottomRight",
              fontSize: 11,
              fill: t.firing ? "var(--destructive)" : "var(--muted-foreground)",
            }}
          />
        ))}
        {drag && drag.start !== drag.end ? (
          <ReferenceArea x1={drag.start} x2={drag.end} fill="var(--primary)" fillOpacity={0.12} />
        ) : null}
        {prepared.markers.map((marker) => (
          <ReferenceLine
            key={`${marker.x}-${marker.href}`}
            x={marker.x}
            stroke="var(--muted-foreground)"
            strokeDasharray="4 3"
            ifOverflow="hidden"
            label={(props: Omit<MarkerLabelProps, "label" | "href">) => (
              <MarkerLabel viewBox={props.viewBox} label={marker.label} href={marker.href} />
            )}
          />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
