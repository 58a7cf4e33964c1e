"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChartLineSeries, type ChartShade } from "@/components/charts/chart-line-series";
import { ChartFrame } from "@/components/ui/chart-frame";
import { prepareSeries } from "@/lib/charts/prepare-series";
import type { ChartContextDto, ChartDeploymentDto } from "@/lib/queries/monitoring";
import { seriesQueries } from "@/lib/queries/monitoring";

export type SeriesGroup = {
  key: string;
  title: string;
  environment: string | null;
  series: ChartContextDto["series"];
};

export type SeriesChartCardProps = {
  group: SeriesGroup;
  from: number;
  to: number;
  live: boolean;
  deployments: readonly ChartDeploymentDto[];
  rules: ChartContextDto["rules"];
  shades: readonly ChartShade[];
  onZoom: (from: number, to: number) => void;
};

/** One metric (its series side by side) over the window, with markers and thresholds. */
export function SeriesChartCard({
  group,
  from,
  to,
  live,
  deployments,
  rules,
  shades,
  onZoom,
}: SeriesChartCardProps) {
  const ids = group.series.map((s) => s.id);
  const query = useQuery({
    ...seriesQueries.points({ ids, from: String(from), to: String(to), maxPoints: 1000 }, live),
    placeholderData: keepPreviousData,
  });
  // A series with an environment only shows that environment's deployments.
  const markers = deployments
    .filter((d) => group.environment === null || d.environmentSlug === group.environment)
    .map((d) => ({ at: d.at, label: d.isRollback ? `${d.label} (rollback)` : d.label, href: d.href }));
  const prepared = query.data ? prepareSeries(query.data, markers, rules) : null;
  const empty = prepared?.lines.every((l) => l.peak === null) ?? false;
  return (
    <ChartFrame
      title={group.title}
      description={
        group.series.length > 1 ? `${group.series.length} series` : labelText(group.series[0]?.labels)
      }
      ariaLabel={`${group.title} over the selected range`}
      height={220}
      loading={query.isPending}
      empty={empty}
      summary={prepared?.summary}
      titleAs="h3"
      toolbar={
        query.isError ? (
          <span role="alert" className="text-destructive text-xs">
            Could not load points
          </span>
        ) : null
      }
    >
      {prepared ? (
        <div data-testid="series-chart" className="h-full">
          <ChartLineSeries prepared={prepared} onZoom={onZoom} shades={shades} />
        </div>
      ) : null}
    </ChartFrame>
  );
}

function labelText(labels: Record<string, string> | undefined): string {
  if (!labels) return "";
  return Object.entries(labels)
    .filter(([k]) => k !== "project")
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
}
