"use client";

import { useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useSearchParamUpdater } from "@/components/layout/use-search-param-updater";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { TIME_RANGE_OPTIONS } from "@/lib/utils/time-range";
import { parseChartWindow } from "./chart-window";

const PRESETS = TIME_RANGE_OPTIONS.filter((o) => ["1h", "24h", "7d", "30d"].includes(o.key));

/** datetime-local wants local time without a zone. */
function toLocalInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/**
 * 1 h / 24 h / 7 d / 30 d (a live window ending now, `?range=`) or a custom from–to
 * (`?from=&to=`, also what a drag-zoom on a chart writes). "Back to live" clears the custom one.
 */
export function ChartRangeControls() {
  const searchParams = useSearchParams();
  const update = useSearchParamUpdater();
  const window = parseChartWindow(searchParams);
  const now = Date.now();
  const [from, setFrom] = useState(() =>
    toLocalInput(window.kind === "fixed" ? window.from : now - 86_400_000),
  );
  const [to, setTo] = useState(() => toLocalInput(window.kind === "fixed" ? window.to : now));
  const [error, setError] = useState<string | null>(null);

  function apply(event: FormEvent) {
    event.preventDefault();
    const f = new Date(from).getTime();
    const t = new Date(to).getTime();
    if (!Number.isFinite(f) || !Number.isFinite(t) || t - f < 60_000) {
      setError("Pick a start at least a minute before the end.");
      return;
    }
    setError(null);
    update({ from: String(f), to: String(t) });
  }

  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="chart-range-controls">
      <fieldset className="flex items-center gap-1">
        <legend className="sr-only">Chart time range</legend>
        {PRESETS.map((p) => {
          const active = window.kind === "live" && window.rangeKey === p.key;
          return (
            <Button
              key={p.key}
              size="sm"
              variant={active ? "default" : "outline"}
              aria-pressed={active}
              onClick={() => update({ range: p.key, from: null, to: null })}
            >
              {p.shortLabel}
            </Button>
          );
        })}
      </fieldset>
      <form onSubmit={apply} className="flex flex-wrap items-end gap-2" aria-label="Custom time range">
        <div className="grid gap-1">
          <Label htmlFor="chart-from">From</Label>
          <Input
            id="chart-from"
            type="datetime-local"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="chart-to">To</Label>
          <Input id="chart-to" type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <Button type="submit" size="sm" variant="outline">
          Apply
        </Button>
        {window.kind === "fixed" ? (
          <Button size="sm" variant="ghost" onClick={() => update({ from: null, to: null })}>
            Back to live
          </Button>
        ) : null}
      </form>
      {error ? (
        <p role="alert" className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
    </div>
  );
}
