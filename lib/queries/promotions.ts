import { queryOptions } from "@tanstack/react-query";
import type { Page } from "@/lib/db/keyset";
import type { PromotionDetail } from "@/lib/gates/get-promotion-request";
import type { PromotionRequestListItem } from "@/lib/gates/list-promotion-requests";
import { fetchJson, type Jsonify } from "./fetch-json";
import { queryKeys } from "./keys";
import { LIVE_REFRESH_MS } from "./overview";
import { pagedQueryOptions } from "./paged";

export type PromotionPageDto = Jsonify<Page<PromotionRequestListItem>>;
export type PromotionListItemDto = PromotionPageDto["items"][number];

/** One request page's data as the API sends it; components read these types, never lib/gates. */
export type PromotionDetailDto = Jsonify<PromotionDetail>;
export type PromotionCheckDto = PromotionDetailDto["checks"][number];
export type PromotionEvaluationDto = PromotionDetailDto["evaluation"];
export type PromotionDecisionDto = PromotionEvaluationDto["canApprove"];
export type PromotionApprovalDto = PromotionDetailDto["approvals"][number];
export type PromotionSubjectDto = NonNullable<PromotionDetailDto["candidate"]>;
export type PromotionCurrentDto = NonNullable<PromotionDetailDto["current"]>;
export type PromotionPolicyDto = PromotionDetailDto["policy"];
export type PromotionTimelineItemDto = PromotionDetailDto["timeline"][number];
export type PossibleApproverDto = PromotionDetailDto["remainingApprovers"][number];

/** The approvals page's URL filters; a missing status means "pending". */
export type PromotionFilters = { project: string | null; status: string | null };

export const promotionQueries = {
  /** Promotion requests; the pending view polls because approvals and expiries change it. */
  pages: (f: PromotionFilters) =>
    pagedQueryOptions<PromotionPageDto>(queryKeys.promotions.pages(f), "/api/v1/promotions", f, {
      refetchInterval: () => (f.status === null || f.status === "pending" ? LIVE_REFRESH_MS * 2 : false),
    }),
  /** One request; polls every 5 s while it is pending (others may approve), then stops. */
  detail: (id: string) =>
    queryOptions({
      queryKey: queryKeys.promotions.detail(id),
      queryFn: ({ signal }) =>
        fetchJson<PromotionDetailDto>(`/api/v1/promotions/${encodeURIComponent(id)}`, { signal }),
      refetchInterval: (query) => (query.state.data?.request.status === "pending" ? LIVE_REFRESH_MS : false),
    }),
};
