import { type InfiniteData, infiniteQueryOptions, type QueryKey } from "@tanstack/react-query";
import { fetchJson, withSearch } from "./fetch-json";
import type { ListFilters } from "./keys";

/** Any keyset page as the API sends it. */
export type PageShape = { items: unknown[]; nextCursor: string | null };

export type PagedOptions<TPage extends PageShape> = {
  /** Decides from what is on screen whether to poll; return false to stop. */
  refetchInterval?: (data: InfiniteData<TPage, string | null> | undefined) => number | false;
};

/**
 * Infinite-query options for a keyset-paginated `/api/v1` list: each "Load more" sends the
 * previous page's `nextCursor`, and the list ends when the API answers with none.
 */
export function pagedQueryOptions<TPage extends PageShape, TKey extends QueryKey = QueryKey>(
  queryKey: TKey,
  path: string,
  filters: ListFilters,
  options: PagedOptions<TPage> = {},
) {
  const { refetchInterval } = options;
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }) =>
      fetchJson<TPage>(withSearch(path, { ...filters, cursor: pageParam }), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last: TPage) => last.nextCursor,
    refetchInterval: refetchInterval ? (query) => refetchInterval(query.state.data) : undefined,
  });
}

/** The infinite-query cache shape of a first page rendered on the server (`initialData`). */
export function firstPage<TPage extends PageShape>(page: TPage): InfiniteData<TPage, string | null> {
  return { pages: [page], pageParams: [null] };
}

/** Every item loaded so far, in order. */
export function allItems<TPage extends PageShape>(data: InfiniteData<TPage, unknown> | undefined) {
  return (data?.pages.flatMap((page) => page.items) ?? []) as TPage["items"];
}
