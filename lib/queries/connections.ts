import { queryOptions } from "@tanstack/react-query";
import type { ConnectionHealth } from "@/lib/connections/get-connection-health";
import type { DeliveryListItem } from "@/lib/connections/list-deliveries";
import type { ProbeResult } from "@/lib/connections/probes/types";
import { fetchJson, type Jsonify } from "./fetch-json";
import { queryKeys } from "./keys";
import { pagedQueryOptions } from "./paged";

export type ConnectionHealthDto = Jsonify<ConnectionHealth>;
export type DeliveryDto = Jsonify<DeliveryListItem>;
export type DeliveryPageDto = { items: DeliveryDto[]; nextCursor: string | null };

/** Deliveries arrive on their own, so a connection page refreshes its log and health gently. */
export const CONNECTION_REFRESH_MS = 15_000;

export const connectionQueries = {
  health: (id: string) =>
    queryOptions({
      queryKey: queryKeys.connections.health(id),
      queryFn: ({ signal }) =>
        fetchJson<{ health: ConnectionHealthDto }>(`/api/v1/connections/${id}/health`, { signal }).then(
          (body) => body.health,
        ),
      refetchInterval: CONNECTION_REFRESH_MS,
    }),
  /** The delivery log, newest first; refreshes while the newest page is on screen. */
  deliveries: (id: string) =>
    pagedQueryOptions<DeliveryPageDto>(
      queryKeys.connections.deliveries(id),
      `/api/v1/connections/${id}/deliveries`,
      {},
      { refetchInterval: (data) => ((data?.pages.length ?? 1) === 1 ? CONNECTION_REFRESH_MS : false) },
    ),
};

export type ProbeResultDto = Jsonify<ProbeResult>;
