import { cursorDate, type SyncCursor, type SyncPage } from "@/lib/providers/shared/sync-types";
import type { WebhookEffect } from "@/lib/providers/shared/types";

export const PER_PAGE = 100;

/**
 * Cursor of a GitLab scope read in `updated_after` passes (pipelines, deployments): `since` is
 * the `updated_after` bound of this pass (items come oldest update first), `page` the next
 * offset page while a pass is under way, `newest` the latest `updated_at` seen, where the next
 * pass starts.
 */
type UpdatedAfterCursor = { since?: string; page?: number; newest?: string };

/** The list query of one page, in gitbeaker's words: oldest update first, offset pages with headers. */
export type UpdatedAfterQuery = {
  updatedAfter: string;
  orderBy: "updated_at";
  sort: "asc";
  perPage: number;
  page: number;
  pagination: "offset";
  showExpanded: true;
};

type ListedPage = { data: unknown; paginationInfo: { next: number | null; total: number } };

/**
 * One page of an `updated_after` pass over a GitLab list endpoint: lists the page `list` is
 * asked for, maps each item with `map` (which may fetch more, such as a pipeline's jobs), and
 * moves the cursor: on to the next offset page (x-next-page), or, at the end, to the newest
 * `updated_at` seen, where the next pass starts. Both GitLab pagers page this one way.
 */
export async function updatedAfterPage<Item extends { updated_at: string }>(
  raw: SyncCursor,
  backfillSince: Date,
  list: (query: UpdatedAfterQuery) => Promise<ListedPage>,
  map: (item: Item) => WebhookEffect | Promise<WebhookEffect>,
): Promise<SyncPage> {
  const cursor = raw as UpdatedAfterCursor;
  const since = cursorDate(cursor.since, backfillSince).toISOString();
  const { data, paginationInfo } = await list({
    updatedAfter: since,
    orderBy: "updated_at",
    sort: "asc",
    perPage: PER_PAGE,
    page: cursor.page ?? 1,
    pagination: "offset",
    showExpanded: true,
  });
  const effects: WebhookEffect[] = [];
  let newest = cursor.newest;
  for (const item of data as Item[]) {
    effects.push(await map(item));
    if (!newest || item.updated_at > newest) newest = item.updated_at;
  }
  const itemsTotal = Number.isFinite(paginationInfo.total) ? paginationInfo.total : null;
  if (paginationInfo.next) {
    return { effects, cursor: { since, page: paginationInfo.next, newest }, done: false, itemsTotal };
  }
  return { effects, cursor: { since: newest ?? since }, done: true, itemsTotal };
}
