import type { Page } from "@/lib/db/keyset";
import type { PromotionRequestListItem } from "@/lib/gates/list-promotion-requests";
import type { Jsonify } from "./fetch-json";
import { queryKeys } from "./keys";
import { LIVE_REFRESH_MS } from "./overview";
import { pagedQueryOptions } from "./paged";

export type PromotionPageDto = Jsonify<Page<PromotionRequestListItem>>;
export type PromotionListItemDto = PromotionPageDto["items"][number];

/** The approvals page's URL filters; a missing status means "pending". */
export type PromotionFilters = { project: string | null; status: string | null };

export const promotionQueries = {
  /** Promotion requests; the pending view polls because approvals and expiries change it. */
  pages: (f: PromotionFilters) =>
    pagedQueryOptions<PromotionPageDto>(queryKeys.promotions.pages(f), "/api/v1/promotions", f, {
      refetchInterval: () => (f.status === null || f.status === "pending" ? LIVE_REFRESH_MS * 2 : false),
    }),
};
