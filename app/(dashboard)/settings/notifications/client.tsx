"use client";

import { BellRing } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { NotificationDeliveries } from "@/components/notifications/notification-deliveries";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import type { NotificationEndpointDto } from "@/lib/queries/notifications";
import { NewEndpointDialog } from "./_components/new-endpoint-dialog";
import { deleteEndpointAction, updateEndpointAction } from "./actions";

export type NotificationsClientProps = { endpoints: NotificationEndpointDto[]; canWrite: boolean };

/** Outgoing notification webhooks, each with its delivery log; admins add, pause and remove them. */
export function NotificationsClient({ endpoints, canWrite }: NotificationsClientProps) {
  const router = useRouter();
  const [shown, setShown] = useState<string | null>(endpoints[0]?.id ?? null);
  const [pending, startTransition] = useTransition();
  const selected = endpoints.find((e) => e.id === shown) ?? null;

  function run(action: () => Promise<{ ok: boolean; error?: string }>, done: string) {
    startTransition(async () => {
      const result = await action();
      if (!result.ok) toast.error(result.error ?? "That did not work.");
      else {
        toast.success(done);
        router.refresh();
      }
    });
  }

  return (
    <section aria-labelledby="notifications-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h2 id="notifications-heading" className="font-semibold text-lg">
            Notifications
          </h2>
          <p className="text-muted-foreground text-sm">
            Signed webhooks for promotion requests and alerts, retried with back-off until delivered.
          </p>
        </div>
        {canWrite ? <NewEndpointDialog /> : null}
      </div>
      {endpoints.length === 0 ? (
        <EmptyState
          icon={BellRing}
          title="No notification endpoints"
          description="Add one to hear about promotions and alerts in chat or your own tools."
        />
      ) : (
        <div className="rounded-lg border">
          <Table caption="Notification endpoints by name">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Events</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {endpoints.map((endpoint) => (
                <TableRow key={endpoint.id} data-testid={`endpoint-row-${endpoint.name}`}>
                  <TableCell className="font-medium">
                    {endpoint.name}
                    <div className="max-w-72 truncate text-muted-foreground text-xs">{endpoint.url}</div>
                  </TableCell>
                  <TableCell className="text-muted-foreground text-xs">
                    {endpoint.events.length === 0 ? "Every event" : endpoint.events.join(", ")}
                  </TableCell>
                  <TableCell>
                    <Badge variant={endpoint.enabled ? "success" : "neutral"}>
                      {endpoint.enabled ? "enabled" : "paused"}
                    </Badge>
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-right">
                    <div className="flex justify-end gap-2">
                      <Button
                        variant="outline"
                        size="sm"
                        aria-pressed={shown === endpoint.id}
                        onClick={() => setShown(endpoint.id)}
                      >
                        Deliveries
                      </Button>
                      {canWrite ? (
                        <>
                          <Button
                            variant="outline"
                            size="sm"
                            disabled={pending}
                            onClick={() =>
                              run(
                                () => updateEndpointAction({ id: endpoint.id, enabled: !endpoint.enabled }),
                                endpoint.enabled
                                  ? `Paused “${endpoint.name}”.`
                                  : `Enabled “${endpoint.name}”.`,
                              )
                            }
                          >
                            {endpoint.enabled ? "Pause" : "Enable"}
                          </Button>
                          <Button
                            variant="destructive"
                            size="sm"
                            disabled={pending}
                            aria-label={`Delete ${endpoint.name}`}
                            onClick={() => {
                              if (window.confirm(`Delete “${endpoint.name}” and its delivery log?`)) {
                                run(
                                  () => deleteEndpointAction({ id: endpoint.id }),
                                  `Deleted “${endpoint.name}”.`,
                                );
                              }
                            }}
                          >
                            Delete
                          </Button>
                        </>
                      ) : null}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {selected ? (
        <section aria-labelledby="deliveries-heading" className="flex flex-col gap-2">
          <h3 id="deliveries-heading" className="font-semibold text-base">
            Delivery log: {selected.name}
          </h3>
          <NotificationDeliveries endpointId={selected.id} endpointName={selected.name} />
        </section>
      ) : null}
    </section>
  );
}
