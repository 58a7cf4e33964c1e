import type { Page } from "@/lib/db/keyset";
import type { ReleaseListItem } from "@/lib/releases/list-releases";
import type { Jsonify } from "./fetch-json";
import { queryKeys } from "./keys";
import { pagedQueryOptions } from "./paged";

export type ReleasePageDto = Jsonify<Page<ReleaseListItem>>;
export type ReleaseListItemDto = ReleasePageDto["items"][number];

/** The releases list's URL filters: "runs now in" environment slug and a version prefix. */
export type ReleaseFilters = { project: string | null; environment: string | null; q: string | null };

export const releaseQueries = {
  /** Releases newest first; no polling, releases arrive hours apart. */
  pages: (f: ReleaseFilters) =>
    pagedQueryOptions<ReleasePageDto>(queryKeys.releases.pages(f), "/api/v1/releases", f),
};
