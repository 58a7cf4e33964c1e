"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Package } from "lucide-react";
import { LoadMore } from "@/components/lists/load-more";
import { ReleasesTable } from "@/components/releases/releases-table";
import { EmptyState } from "@/components/ui/empty-state";
import { allItems, firstPage } from "@/lib/queries/paged";
import type { ReleaseFilters } from "@/lib/queries/releases";
import { type ReleasePageDto, releaseQueries } from "@/lib/queries/releases";

export type ReleasesListProps = { filters: ReleaseFilters; initial: ReleasePageDto };

/** Releases in the current scope and filters, with "Load more". */
export function ReleasesList({ filters, initial }: ReleasesListProps) {
  const query = useInfiniteQuery({ ...releaseQueries.pages(filters), initialData: firstPage(initial) });
  const items = allItems(query.data);
  if (items.length === 0) {
    const filtered = filters.environment || filters.q;
    return (
      <EmptyState
        icon={Package}
        title={filtered ? "No release matches these filters" : "No releases yet"}
        description={
          filtered
            ? "Clear the filters to see every release."
            : "Releases appear here when CI records them (POST /api/v1/releases) or a provider reports a deployment."
        }
      />
    );
  }
  return (
    <section aria-label="Releases" className="space-y-2">
      <div className="rounded-lg border">
        <ReleasesTable items={items} />
      </div>
      <LoadMore
        shown={items.length}
        noun="releases"
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        fetchNextPage={query.fetchNextPage}
        error={query.isFetchNextPageError ? query.error : null}
      />
    </section>
  );
}
