"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Boxes, SearchX } from "lucide-react";
import { LoadMore } from "@/components/lists/load-more";
import { EmptyState } from "@/components/ui/empty-state";
import { type ModelFilters, type ModelPageDto, modelQueries } from "@/lib/queries/models";
import { allItems, firstPage } from "@/lib/queries/paged";
import { ModelsTable } from "./_components/models-table";

export type ModelsListProps = { filters: ModelFilters; initial: ModelPageDto };

/** The model registry's models in the current project scope (and name search), with "Load more". */
export function ModelsList({ filters, initial }: ModelsListProps) {
  const query = useInfiniteQuery({ ...modelQueries.pages(filters), initialData: firstPage(initial) });
  const items = allItems(query.data);
  if (items.length === 0 && filters.q) {
    return (
      <EmptyState
        icon={SearchX}
        title="No models match"
        description={`No model in this scope has "${filters.q}" in its name.`}
      />
    );
  }
  if (items.length === 0) {
    return (
      <EmptyState
        icon={Boxes}
        title="No models yet"
        description="Models appear here once a training pipeline or the API registers a version."
      />
    );
  }
  return (
    <section aria-label="Models" className="space-y-2">
      <div className="rounded-lg border">
        <ModelsTable items={items} />
      </div>
      <LoadMore
        shown={items.length}
        noun="models"
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        fetchNextPage={query.fetchNextPage}
        error={query.isFetchNextPageError ? query.error : null}
      />
    </section>
  );
}
