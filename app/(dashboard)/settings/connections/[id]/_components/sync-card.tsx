"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useState } from "react";
import { SyncProgressList } from "@/components/connections/sync-progress-list";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toast";
import { queryKeys } from "@/lib/queries/keys";
import {
  requestSyncNow,
  SYNC_IDLE_REFRESH_MS,
  SYNC_RUNNING_REFRESH_MS,
  type SyncStatusDto,
  syncQueries,
} from "@/lib/queries/sync";

/** How long after "Sync now" the page keeps polling fast while the job waits for a worker. */
const AWAIT_START_MS = 60_000;

export type SyncCardProps = {
  connectionId: string;
  sync: SyncStatusDto;
  canWrite: boolean;
  enabled: boolean;
};

/** Sync progress per scope with "Sync now"; refreshes every few seconds while a sync runs. */
export function SyncCard({ connectionId, sync, canWrite, enabled }: SyncCardProps) {
  const queryClient = useQueryClient();
  const [awaitingUntil, setAwaitingUntil] = useState(0);
  const status = useQuery({
    ...syncQueries.status(connectionId),
    initialData: sync,
    // Fast while a sync runs, and for a minute after "Sync now" while the job waits for a worker.
    refetchInterval: (query) =>
      query.state.data?.running || Date.now() < awaitingUntil
        ? SYNC_RUNNING_REFRESH_MS
        : SYNC_IDLE_REFRESH_MS,
  });
  const syncNow = useMutation({
    mutationFn: () => requestSyncNow(connectionId),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.connections.sync(connectionId), result);
      if (result.queued) {
        setAwaitingUntil(Date.now() + AWAIT_START_MS);
        toast.success("Sync queued.");
      } else {
        toast.warning("No job worker is running here; the next scheduled poll will sync.");
      }
    },
    onError: (error) => toast.error("Could not start a sync", { description: error.message }),
  });
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1.5">
          <CardTitle>Sync</CardTitle>
          <CardDescription>
            Runs, jobs and deployments pulled through the provider's API: a 30-day backfill on connect, then
            every few minutes what webhooks may have missed.
          </CardDescription>
        </div>
        {canWrite ? (
          <Button
            variant="outline"
            onClick={() => syncNow.mutate()}
            disabled={!enabled || syncNow.isPending}
            title={enabled ? undefined : "Enable the connection to sync it."}
          >
            <RefreshCw aria-hidden="true" className={status.data.running ? "animate-spin" : undefined} />
            {syncNow.isPending ? "Queuing…" : "Sync now"}
          </Button>
        ) : null}
      </CardHeader>
      <CardContent>
        <SyncProgressList sync={status.data} />
      </CardContent>
    </Card>
  );
}
