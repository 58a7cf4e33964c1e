"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { RunsTable } from "@/components/runs/runs-table";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { ScopeFilters } from "@/lib/queries/keys";
import { overviewQueries, type RunPageDto } from "@/lib/queries/overview";

/** The newest runs across providers, refreshed while the page is open. */
export function LatestRuns({ filters, initial }: { filters: ScopeFilters; initial: RunPageDto }) {
  const { data } = useQuery({ ...overviewQueries.latestRuns(filters), initialData: initial });
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between">
        <CardTitle>Latest runs</CardTitle>
        <Link
          href={filters.project ? `/pipelines?project=${encodeURIComponent(filters.project)}` : "/pipelines"}
          className="text-primary text-sm underline-offset-4 hover:underline"
        >
          All runs
        </Link>
      </CardHeader>
      <CardContent>
        {data.items.length === 0 ? (
          <EmptyState
            title="No runs yet"
            description="Connect a CI provider or report runs through the API."
          />
        ) : (
          <RunsTable
            items={data.items}
            caption="Latest pipeline runs across providers"
            data-testid="latest-runs"
          />
        )}
      </CardContent>
    </Card>
  );
}
