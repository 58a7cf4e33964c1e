import { queryOptions } from "@tanstack/react-query";
import type { RunDetail } from "@/lib/runs/load-run-detail";
import { fetchJson, type Jsonify } from "./fetch-json";
import { queryKeys } from "./keys";
import { LIVE_REFRESH_MS, type RunPageDto } from "./overview";
import { pagedQueryOptions } from "./paged";

export type { RunPageDto } from "./overview";
export type RunListItemDto = RunPageDto["items"][number];
export type RunDetailDto = Jsonify<RunDetail>;

/** The pipelines page's URL filters (project comes from the global switcher, range from the header). */
export type RunFilters = {
  project: string | null;
  status: string | null;
  provider: string | null;
  pipeline: string | null;
  branch: string | null;
  kind: string | null;
  actor: string | null;
  range: string | null;
};

export function isRunActive(run: Pick<RunListItemDto, "status">): boolean {
  return run.status === "queued" || run.status === "running";
}

export const runQueries = {
  /** All runs, newest first; polls while any loaded run is queued or running, else stays still. */
  pages: (f: RunFilters) =>
    pagedQueryOptions<RunPageDto>(queryKeys.runs.pages(f), "/api/v1/runs", f, {
      refetchInterval: (data) =>
        data?.pages.some((page) => page.items.some(isRunActive)) ? LIVE_REFRESH_MS : false,
    }),
  /** One run with its jobs (`GET /api/v1/runs/{id}`); polls only while it is queued or running. */
  detail: (id: string) =>
    queryOptions({
      queryKey: queryKeys.runs.detail(id),
      queryFn: ({ signal }) =>
        fetchJson<{ run: RunDetailDto }>(`/api/v1/runs/${encodeURIComponent(id)}`, { signal }).then(
          (r) => r.run,
        ),
      refetchInterval: (query) =>
        query.state.data && isRunActive(query.state.data) ? LIVE_REFRESH_MS : false,
    }),
};
