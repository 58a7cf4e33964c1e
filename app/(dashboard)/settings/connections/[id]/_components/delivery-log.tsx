"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Inbox } from "lucide-react";
import { DeliveriesTable } from "@/components/connections/deliveries-table";
import { HealthSummary } from "@/components/connections/health-summary";
import { LoadMore } from "@/components/lists/load-more";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { type ConnectionHealthDto, connectionQueries, type DeliveryPageDto } from "@/lib/queries/connections";
import { allItems, firstPage } from "@/lib/queries/paged";
import { ReplayButton } from "./replay-button";

export type DeliveryLogProps = {
  connectionId: string;
  health: ConnectionHealthDto;
  deliveries: DeliveryPageDto;
};

/** Health numbers and the delivery log; both refresh on their own while the page is open. */
export function DeliveryLog({ connectionId, health, deliveries }: DeliveryLogProps) {
  const healthQuery = useQuery({ ...connectionQueries.health(connectionId), initialData: health });
  const log = useInfiniteQuery({
    ...connectionQueries.deliveries(connectionId),
    initialData: firstPage(deliveries),
  });
  const items = allItems(log.data);
  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>Health</CardTitle>
          <CardDescription>Deliveries by outcome over the last 24 hours.</CardDescription>
        </CardHeader>
        <CardContent>
          <HealthSummary health={healthQuery.data} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Delivery log</CardTitle>
          <CardDescription>
            Every webhook the provider sent, newest first. Payloads are kept but not shown.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {items.length === 0 ? (
            <EmptyState
              icon={Inbox}
              title="No deliveries yet"
              description="Set up the webhook; the provider's first test delivery appears here."
            />
          ) : (
            <>
              <div className="rounded-lg border">
                <DeliveriesTable
                  items={items}
                  action={(delivery) => <ReplayButton connectionId={connectionId} deliveryId={delivery.id} />}
                />
              </div>
              <LoadMore
                shown={items.length}
                noun="deliveries"
                hasNextPage={log.hasNextPage}
                isFetchingNextPage={log.isFetchingNextPage}
                fetchNextPage={log.fetchNextPage}
                error={log.isFetchNextPageError ? log.error : null}
              />
            </>
          )}
        </CardContent>
      </Card>
    </>
  );
}
