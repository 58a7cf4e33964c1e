"use client";

import type * as React from "react";
import type { TooltipPayloadEntry } from "recharts";
import { cn } from "@/lib/utils/cn";

export type ChartTooltipProps = {
  /** Injected by recharts when used as `<Tooltip content={<ChartTooltip ... />} />`. */
  active?: boolean;
  payload?: ReadonlyArray<TooltipPayloadEntry>;
  label?: string | number;
  /** Formats each value, e.g. `formatPercent`; receives the series name for per-series units. */
  valueFormatter?: (value: number | string, name: string) => React.ReactNode;
  labelFormatter?: (label: string | number) => React.ReactNode;
  hideLabel?: boolean;
  className?: string;
};

function entryColor(entry: TooltipPayloadEntry): string | undefined {
  const fromPayload = entry.payload?.fill;
  return (
    entry.color ?? entry.stroke ?? entry.fill ?? (typeof fromPayload === "string" ? fromPayload : undefined)
  );
}

function displayValue(value: TooltipPayloadEntry["value"]): number | string | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.join(" – ");
  return value as number | string;
}

/** The one tooltip body every chart uses, drawn with theme tokens so it follows light and dark mode. */
export function ChartTooltip({
  active,
  payload,
  label,
  valueFormatter,
  labelFormatter,
  hideLabel = false,
  className,
}: ChartTooltipProps) {
  const entries = (payload ?? []).filter((entry) => !entry.hide && entry.type !== "none");
  if (!active || entries.length === 0) return null;

  return (
    <div
      className={cn(
        "min-w-36 rounded-md border bg-popover px-3 py-2 text-popover-foreground text-xs shadow-md",
        className,
      )}
    >
      {!hideLabel && label !== undefined ? (
        <p className="mb-1.5 font-medium">{labelFormatter ? labelFormatter(label) : label}</p>
      ) : null}
      <ul className="flex flex-col gap-1">
        {entries.map((entry, i) => {
          const name = String(entry.name ?? entry.dataKey ?? "");
          const value = displayValue(entry.value);
          return (
            <li key={`${name}-${i}`} className="flex items-center gap-2">
              <span
                aria-hidden="true"
                className="size-2.5 shrink-0 rounded-sm"
                style={{ backgroundColor: entryColor(entry) }}
              />
              <span className="flex-1 text-muted-foreground">{name}</span>
              <span className="font-medium font-mono tabular-nums">
                {value === null ? "—" : valueFormatter ? valueFormatter(value, name) : value}
                {value !== null && entry.unit ? entry.unit : null}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
