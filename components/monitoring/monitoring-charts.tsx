"use client";

import { BarChart3 } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { useSearchParamUpdater } from "@/components/layout/use-search-param-updater";
import { EmptyState } from "@/components/ui/empty-state";
import { NativeSelect } from "@/components/ui/native-select";
import type { ChartContextDto } from "@/lib/queries/monitoring";
import { BeforeAfterPanel } from "./before-after-panel";
import { ChartRangeControls } from "./chart-range-controls";
import { COMPARE_WINDOWS_MIN, parseChartWindow, parseCompare, windowBounds } from "./chart-window";
import { SeriesChartCard, type SeriesGroup } from "./series-chart-card";

// A live window moves on this step: each step is a new query key, and the previous
// chart stays drawn (keepPreviousData) until the new points arrive.
const LIVE_STEP_MS = 15_000;
const MAX_PER_CHART = 8;

/** One chart per metric name and environment, at most eight series each. */
export function groupSeries(series: ChartContextDto["series"]): SeriesGroup[] {
  const groups = new Map<string, SeriesGroup>();
  for (const s of series) {
    const environment = s.environmentSlug ?? s.labels.environment ?? null;
    let key = `${s.name}|${environment ?? ""}`;
    let n = 2;
    while ((groups.get(key)?.series.length ?? 0) >= MAX_PER_CHART)
      key = `${s.name}|${environment ?? ""}|${n++}`;
    const group = groups.get(key) ?? {
      key,
      title: environment ? `${s.name} · ${environment}` : s.name,
      environment,
      series: [],
    };
    group.series.push(s);
    groups.set(key, group);
  }
  return [...groups.values()];
}

const stepNow = () => Math.floor(Date.now() / LIVE_STEP_MS) * LIVE_STEP_MS;

/**
 * The monitoring charts: range controls, one chart per metric with deployment markers and
 * alert thresholds, drag-to-zoom into the URL, a live window that follows now, and the
 * before / after comparison around a chosen deployment.
 */
export function MonitoringCharts({ context }: { context: ChartContextDto }) {
  const searchParams = useSearchParams();
  const update = useSearchParamUpdater();
  const window = parseChartWindow(searchParams);
  const compare = parseCompare(searchParams);
  const [now, setNow] = useState(stepNow);
  useEffect(() => {
    if (window.kind !== "live") return;
    const timer = setInterval(() => setNow(stepNow()), LIVE_STEP_MS);
    return () => clearInterval(timer);
  }, [window.kind]);
  const [from, to] = windowBounds(window, now);
  const groups = useMemo(() => groupSeries(context.series), [context.series]);
  const chosen = context.deployments.find((d) => d.id === compare.deploymentId) ?? null;
  const shades = chosen
    ? (() => {
        const at = new Date(chosen.at).getTime();
        const w = compare.windowMin * 60_000;
        return [
          { from: at - w, to: at, label: "before" },
          { from: at, to: at + w, label: "after" },
        ];
      })()
    : [];
  const onZoom = (f: number, t: number) => update({ from: String(Math.round(f)), to: String(Math.round(t)) });

  return (
    <section aria-labelledby="charts-heading" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="charts-heading" className="font-semibold text-lg">
          Health charts
        </h2>
        <ChartRangeControls />
      </div>
      <p className="text-muted-foreground text-sm">
        {window.kind === "live" ? "Live: refreshes every 15 seconds." : "Fixed range."} Drag across a chart to
        zoom in; dashed lines are deployments (click a version to open it).
      </p>
      {groups.length === 0 ? (
        <EmptyState
          icon={BarChart3}
          title="No series here yet"
          description="Send points to POST /api/v1/metrics with project, environment, service or model labels."
        />
      ) : (
        <>
          <div className="flex flex-wrap items-end gap-3">
            <div className="grid gap-1">
              <label htmlFor="compare-deployment" className="font-medium text-sm">
                Compare around deployment
              </label>
              <NativeSelect
                id="compare-deployment"
                value={chosen?.id ?? ""}
                onChange={(e) => update({ deployment: e.target.value || null })}
                className="min-w-64"
              >
                <option value="">None</option>
                {context.deployments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.label} → {d.environmentSlug}, {new Date(d.at).toLocaleString()}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <div className="grid gap-1">
              <label htmlFor="compare-window" className="font-medium text-sm">
                Minutes each side
              </label>
              <NativeSelect
                id="compare-window"
                value={String(compare.windowMin)}
                onChange={(e) => update({ window: e.target.value })}
              >
                {COMPARE_WINDOWS_MIN.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </NativeSelect>
            </div>
          </div>
          {chosen ? (
            <BeforeAfterPanel
              deployment={chosen}
              seriesIds={context.series.map((s) => s.id)}
              windowMin={compare.windowMin}
            />
          ) : null}
          <div className="grid gap-4 xl:grid-cols-2">
            {groups.map((group) => (
              <SeriesChartCard
                key={group.key}
                group={group}
                from={from}
                to={to}
                live={false}
                deployments={context.deployments}
                rules={context.rules}
                shades={shades}
                onZoom={onZoom}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
