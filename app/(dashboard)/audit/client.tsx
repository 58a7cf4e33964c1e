"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { ScrollText } from "lucide-react";
import { LoadMore } from "@/components/lists/load-more";
import { EmptyState } from "@/components/ui/empty-state";
import { type AuditFilters, type AuditPageDto, auditQueries } from "@/lib/queries/audit";
import { allItems, firstPage } from "@/lib/queries/paged";
import { AuditTable } from "./_components/audit-table";

export type AuditLogProps = { filters: AuditFilters; initial: AuditPageDto };

/** The audit log matching the URL filters, with "Load more". */
export function AuditLog({ filters, initial }: AuditLogProps) {
  const query = useInfiniteQuery({ ...auditQueries.pages(filters), initialData: firstPage(initial) });
  const items = allItems(query.data);
  if (items.length === 0) {
    const filtered = Object.entries(filters).some(([key, value]) => key !== "project" && value !== null);
    return (
      <EmptyState
        icon={ScrollText}
        title={filtered ? "No audit events match these filters" : "The audit log is empty"}
        description={
          filtered ? "Try a shorter action prefix, another actor or a wider time range." : undefined
        }
      />
    );
  }
  return (
    <section aria-label="Audit events" className="space-y-2">
      <div className="rounded-lg border">
        <AuditTable items={items} />
      </div>
      <LoadMore
        shown={items.length}
        noun="events"
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        fetchNextPage={query.fetchNextPage}
        error={query.isFetchNextPageError ? query.error : null}
      />
    </section>
  );
}
