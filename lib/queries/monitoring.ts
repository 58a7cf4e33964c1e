import type { Page } from "@/lib/db/keyset";
import type { DoraReport } from "@/lib/dora/get-dora-metrics";
import type { ChartContext } from "@/lib/monitoring/get-chart-context";
import type { AlertListItem } from "@/lib/monitoring/list-alerts";
import type { SeriesListItem } from "@/lib/monitoring/list-series";
import type { SeriesReadingWire } from "@/lib/monitoring/read-series";
import { fetchJson, type Jsonify, withSearch } from "./fetch-json";
import { queryKeys } from "./keys";
import { LIVE_REFRESH_MS } from "./overview";
import { pagedQueryOptions } from "./paged";

export type AlertPageDto = Jsonify<Page<AlertListItem>>;
export type AlertListItemDto = AlertPageDto["items"][number];

/** The monitoring page's URL filters; `range` bounds how far back resolved alerts go. */
export type AlertFilters = {
  project: string | null;
  range: string;
  state: string | null;
  severity: string | null;
  /** One rule's history. */
  ruleId: string | null;
};

export const alertQueries = {
  /** Alerts, firing first; always polls, since an alert can start firing at any moment. */
  pages: (f: AlertFilters) =>
    pagedQueryOptions<AlertPageDto>(queryKeys.alerts.pages(f), "/api/v1/alerts", f, {
      refetchInterval: () => LIVE_REFRESH_MS * 2,
    }),
};

export type SeriesPageDto = Jsonify<Page<SeriesListItem>>;
export type SeriesReadingDto = SeriesReadingWire;

/** A series list's URL filters (null: not filtered). */
export type SeriesFilters = {
  project: string | null;
  name: string | null;
  environment: string | null;
  kind: string | null;
};

export type SeriesPointsParams = { ids: readonly string[]; from: string; to: string; maxPoints: number };

export const seriesQueries = {
  /** Series with their labels, by key; new series are rare, so no polling. */
  pages: (f: SeriesFilters) =>
    pagedQueryOptions<SeriesPageDto>(queryKeys.series.pages(f), "/api/v1/series", f),
  /**
   * Downsampled points for a chart; refreshed while the range ends near now (live view),
   * not when it looks at the past. Prepare for drawing with lib/charts/prepare-series.
   */
  points: (p: SeriesPointsParams, live: boolean) => ({
    queryKey: queryKeys.series.points(p),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      fetchJson<SeriesReadingDto>(
        withSearch("/api/v1/series/points", {
          ids: p.ids.join(","),
          from: p.from,
          to: p.to,
          maxPoints: p.maxPoints,
        }),
        { signal },
      ),
    refetchInterval: live ? LIVE_REFRESH_MS * 2 : (false as const),
  }),
};

/** Series, deployment markers and alert thresholds of a monitoring page (server-rendered). */
export type ChartContextDto = Jsonify<ChartContext>;
export type ChartDeploymentDto = ChartContextDto["deployments"][number];
export type DoraReportDto = Jsonify<DoraReport>;
