"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Activity } from "lucide-react";
import { LoadMore } from "@/components/lists/load-more";
import { EmptyState } from "@/components/ui/empty-state";
import { type AlertFilters, type AlertPageDto, alertQueries } from "@/lib/queries/monitoring";
import { allItems, firstPage } from "@/lib/queries/paged";
import { AlertsTable } from "./_components/alerts-table";

export type AlertsListProps = { filters: AlertFilters; initial: AlertPageDto };

/** Alerts in scope, firing first, refreshed every few seconds. */
export function AlertsList({ filters, initial }: AlertsListProps) {
  const query = useInfiniteQuery({ ...alertQueries.pages(filters), initialData: firstPage(initial) });
  const items = allItems(query.data);
  if (items.length === 0) {
    const filtered = filters.state !== null || filters.severity !== null;
    return (
      <EmptyState
        icon={Activity}
        title={
          filtered
            ? "No alerts match these filters"
            : "All quiet: no alerts firing, pending or recently resolved"
        }
        description="Charts of service and model health (latency, error rate, drift) arrive with the monitoring work."
      />
    );
  }
  return (
    <section aria-label="Alerts" className="space-y-2">
      <div className="rounded-lg border">
        <AlertsTable items={items} />
      </div>
      <LoadMore
        shown={items.length}
        noun="alerts"
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        fetchNextPage={query.fetchNextPage}
        error={query.isFetchNextPageError ? query.error : null}
      />
    </section>
  );
}
