import { queryKeys } from "./keys";
import { LIVE_REFRESH_MS, type RunPageDto } from "./overview";
import { pagedQueryOptions } from "./paged";

export type { RunPageDto } from "./overview";
export type RunListItemDto = RunPageDto["items"][number];

/** The pipelines page's URL filters (project comes from the global switcher). */
export type RunFilters = { project: string | null; status: string | null; provider: string | null };

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
};
