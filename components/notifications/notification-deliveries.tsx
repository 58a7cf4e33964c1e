"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { notificationQueries } from "@/lib/queries/notifications";
import { allItems } from "@/lib/queries/paged";
import { EMPTY_VALUE, formatDateTime } from "@/lib/utils/format";
import { DeliveryStatusBadge } from "./delivery-status-badge";

/** One endpoint's delivery log, newest first: event, status, attempts, the receiver's answer. */
export function NotificationDeliveries({
  endpointId,
  endpointName,
}: {
  endpointId: string;
  endpointName: string;
}) {
  const query = useInfiniteQuery(notificationQueries.deliveries(endpointId));
  const items = allItems(query.data);
  if (query.isPending) return <Skeleton className="h-24 w-full" />;
  if (query.isError)
    return <p className="text-destructive text-sm">Could not load the delivery log: {query.error.message}</p>;
  if (items.length === 0) {
    return <p className="text-muted-foreground text-sm">Nothing sent to {endpointName} yet.</p>;
  }
  return (
    <div className="flex flex-col gap-2">
      <div className="rounded-lg border">
        <Table caption={`Deliveries to ${endpointName}, newest first`} data-testid="notification-deliveries">
          <TableHeader>
            <TableRow>
              <TableHead>Created</TableHead>
              <TableHead>Event</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Attempts</TableHead>
              <TableHead>Response</TableHead>
              <TableHead>Error</TableHead>
              <TableHead>Delivered</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((d) => (
              <TableRow key={d.id}>
                <TableCell className="whitespace-nowrap">{formatDateTime(d.createdAt)}</TableCell>
                <TableCell>
                  <code className="font-mono text-xs">{d.event}</code>
                </TableCell>
                <TableCell>
                  <DeliveryStatusBadge status={d.status} />
                </TableCell>
                <TableCell>{d.attempts}</TableCell>
                <TableCell>{d.responseStatus ?? EMPTY_VALUE}</TableCell>
                <TableCell className="max-w-md text-muted-foreground">{d.error ?? EMPTY_VALUE}</TableCell>
                <TableCell className="whitespace-nowrap text-muted-foreground">
                  {d.deliveredAt ? formatDateTime(d.deliveredAt) : EMPTY_VALUE}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {query.hasNextPage ? (
        <Button
          variant="outline"
          size="sm"
          className="self-start"
          disabled={query.isFetchingNextPage}
          onClick={() => query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      ) : null}
    </div>
  );
}
