import type { Page } from "@/lib/db/keyset";
import type { AlertListItem } from "@/lib/monitoring/list-alerts";
import type { Jsonify } from "./fetch-json";
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
};

export const alertQueries = {
  /** Alerts, firing first; always polls, since an alert can start firing at any moment. */
  pages: (f: AlertFilters) =>
    pagedQueryOptions<AlertPageDto>(queryKeys.alerts.pages(f), "/api/v1/alerts", f, {
      refetchInterval: () => LIVE_REFRESH_MS * 2,
    }),
};
