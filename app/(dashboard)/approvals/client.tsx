"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { ShieldCheck } from "lucide-react";
import { LoadMore } from "@/components/lists/load-more";
import { EmptyState } from "@/components/ui/empty-state";
import { allItems, firstPage } from "@/lib/queries/paged";
import { type PromotionFilters, type PromotionPageDto, promotionQueries } from "@/lib/queries/promotions";
import { PromotionsTable } from "./_components/promotions-table";

export type PromotionsListProps = { filters: PromotionFilters; initial: PromotionPageDto };

/** Promotion requests with the URL's status; the pending view refreshes as approvals come in. */
export function PromotionsList({ filters, initial }: PromotionsListProps) {
  const query = useInfiniteQuery({ ...promotionQueries.pages(filters), initialData: firstPage(initial) });
  const items = allItems(query.data);
  const pending = filters.status === null || filters.status === "pending";
  if (items.length === 0) {
    return (
      <EmptyState
        icon={ShieldCheck}
        title={pending ? "Nothing is waiting for approval" : "No promotion requests with this status"}
        description={pending ? "Requests to promote a release or model version appear here." : undefined}
      />
    );
  }
  return (
    <section aria-label="Promotion requests" className="space-y-2">
      <div className="rounded-lg border">
        <PromotionsTable items={items} pending={pending} />
      </div>
      <LoadMore
        shown={items.length}
        noun="requests"
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        fetchNextPage={query.fetchNextPage}
        error={query.isFetchNextPageError ? query.error : null}
      />
    </section>
  );
}
