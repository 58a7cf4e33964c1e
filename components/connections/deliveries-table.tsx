import type * as React from "react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DeliveryDto } from "@/lib/queries/connections";
import { EMPTY_VALUE, formatDateTime } from "@/lib/utils/format";
import { DeliveryOutcomeBadge } from "./connection-badges";

export type DeliveriesTableProps = {
  items: DeliveryDto[];
  /** Per-row action (e.g. replay), rendered in a last column when given. */
  action?: (delivery: DeliveryDto) => React.ReactNode;
};

/** The webhook delivery log: time, event, outcome and error; never the payload. */
export function DeliveriesTable({ items, action }: DeliveriesTableProps) {
  return (
    <Table caption="Webhook deliveries, newest first" data-testid="deliveries-table">
      <TableHeader>
        <TableRow>
          <TableHead>Received</TableHead>
          <TableHead>Event</TableHead>
          <TableHead>Outcome</TableHead>
          <TableHead>Error</TableHead>
          <TableHead>Delivery id</TableHead>
          {action ? (
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          ) : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((delivery) => (
          <TableRow key={delivery.id}>
            <TableCell className="whitespace-nowrap">{formatDateTime(delivery.receivedAt)}</TableCell>
            <TableCell>
              <code className="font-mono text-xs">{delivery.event}</code>
            </TableCell>
            <TableCell>
              <DeliveryOutcomeBadge outcome={delivery.outcome} />
            </TableCell>
            <TableCell className="max-w-md text-muted-foreground">{delivery.error ?? EMPTY_VALUE}</TableCell>
            <TableCell
              className="max-w-48 truncate font-mono text-muted-foreground text-xs"
              title={delivery.deliveryId}
            >
              {delivery.deliveryId}
            </TableCell>
            {action ? <TableCell className="text-right">{action(delivery)}</TableCell> : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
