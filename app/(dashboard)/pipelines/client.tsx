"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Workflow } from "lucide-react";
import { LoadMore } from "@/components/lists/load-more";
import { RunsTable } from "@/components/runs/runs-table";
import { EmptyState } from "@/components/ui/empty-state";
import { allItems, firstPage } from "@/lib/queries/paged";
import { isRunActive, type RunPageDto, runQueries } from "@/lib/queries/runs";
import { isNarrowed, type PipelinesFilters } from "./search-params";

export type RunsListProps = { filters: PipelinesFilters; initial: RunPageDto };

/** Every run matching the URL filters, with "Load more"; refreshes itself while runs are active. */
export function RunsList({ filters, initial }: RunsListProps) {
  const query = useInfiniteQuery({ ...runQueries.pages(filters), initialData: firstPage(initial) });
  const items = allItems(query.data);
  const filtered = isNarrowed(filters);
  if (items.length === 0) {
    return (
      <EmptyState
        icon={Workflow}
        title={filtered ? "No runs match these filters" : "No runs yet"}
        description={
          filtered
            ? "Try fewer filters or a longer time range."
            : "Connect a CI provider or report runs through the API, and they appear here."
        }
      />
    );
  }
  const live = items.some(isRunActive);
  return (
    <section aria-label="Pipeline runs" className="space-y-2">
      {live ? (
        <p className="text-muted-foreground text-xs" data-testid="runs-live">
          Refreshing every few seconds while runs are queued or running.
        </p>
      ) : null}
      <div className="rounded-lg border">
        <RunsTable
          items={items}
          caption={`Pipeline runs across providers, newest first${filters.status ? `, status ${filters.status}` : ""}`}
          detailHref={(run) => `/pipelines/runs/${run.id}`}
          data-testid="runs-table"
        />
      </div>
      <LoadMore
        shown={items.length}
        noun="runs"
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        fetchNextPage={query.fetchNextPage}
        error={query.isFetchNextPageError ? query.error : null}
      />
    </section>
  );
}
