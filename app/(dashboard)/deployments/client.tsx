"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Rocket } from "lucide-react";
import { LoadMore } from "@/components/lists/load-more";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { type DeploymentFilters, type DeploymentPageDto, deploymentQueries } from "@/lib/queries/deployments";
import { allItems, firstPage } from "@/lib/queries/paged";
import { DeploymentsTable } from "./_components/deployments-table";

export type DeploymentHistoryProps = { filters: DeploymentFilters; initial: DeploymentPageDto };

/** Every deployment matching the URL filters, with "Load more"; polls while one is under way. */
export function DeploymentHistory({ filters, initial }: DeploymentHistoryProps) {
  const query = useInfiniteQuery({ ...deploymentQueries.pages(filters), initialData: firstPage(initial) });
  const items = allItems(query.data);
  const filtered = filters.environment !== null || filters.status !== null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>History</CardTitle>
        <CardDescription>Every deployment and rollback, newest first</CardDescription>
      </CardHeader>
      <CardContent>
        {items.length === 0 ? (
          <EmptyState
            icon={Rocket}
            title={filtered ? "No deployments match these filters" : "No deployments yet"}
            description={
              filtered
                ? "Try another environment or status."
                : "Deployments reported by pipelines or the API appear here."
            }
          />
        ) : (
          <>
            <DeploymentsTable items={items} />
            <LoadMore
              shown={items.length}
              noun="deployments"
              hasNextPage={query.hasNextPage}
              isFetchingNextPage={query.isFetchingNextPage}
              fetchNextPage={query.fetchNextPage}
              error={query.isFetchNextPageError ? query.error : null}
            />
          </>
        )}
      </CardContent>
    </Card>
  );
}
