import { queryOptions } from "@tanstack/react-query";
import type { SyncStatus } from "@/lib/sync/get-sync-status";
import { fetchJson, type Jsonify } from "./fetch-json";
import { queryKeys } from "./keys";

export type SyncStatusDto = Jsonify<SyncStatus>;

/** While a sync runs the page follows it closely; otherwise it checks now and then. */
export const SYNC_RUNNING_REFRESH_MS = 2_000;
export const SYNC_IDLE_REFRESH_MS = 30_000;

export const syncQueries = {
  status: (connectionId: string) =>
    queryOptions({
      queryKey: queryKeys.connections.sync(connectionId),
      queryFn: ({ signal }) =>
        fetchJson<{ sync: SyncStatusDto }>(`/api/v1/connections/${connectionId}/sync`, { signal }).then(
          (body) => body.sync,
        ),
      refetchInterval: (query) =>
        query.state.data?.running ? SYNC_RUNNING_REFRESH_MS : SYNC_IDLE_REFRESH_MS,
    }),
};

/** "Sync now": POST, answered 202 with the progress so far. */
export function requestSyncNow(connectionId: string) {
  return fetchJson<{ sync: SyncStatusDto & { queued: boolean } }>(
    `/api/v1/connections/${connectionId}/sync`,
    {
      method: "POST",
    },
  ).then((body) => body.sync);
}
