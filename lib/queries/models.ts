import { queryOptions } from "@tanstack/react-query";
import type { Page } from "@/lib/db/keyset";
import type { ModelDetail } from "@/lib/models/get-model";
import type { ModelListItem } from "@/lib/models/list-models";
import { fetchJson, type Jsonify } from "./fetch-json";
import { queryKeys } from "./keys";
import { pagedQueryOptions } from "./paged";

export type ModelPageDto = Jsonify<Page<ModelListItem>>;
export type ModelListItemDto = ModelPageDto["items"][number];
export type ModelDetailDto = Jsonify<ModelDetail>;
export type ModelVersionSummaryDto = ModelDetailDto["versions"][number];

export type ModelFilters = { project: string | null };

export const modelQueries = {
  /** Registered models, newest first; no polling, since versions arrive minutes apart at best. */
  pages: (f: ModelFilters) => pagedQueryOptions<ModelPageDto>(queryKeys.models.pages(f), "/api/v1/models", f),
  /** One model with its versions, aliases and deployments; refreshed every minute while open. */
  detail: (id: string) =>
    queryOptions({
      queryKey: queryKeys.models.detail(id),
      queryFn: ({ signal }) =>
        fetchJson<{ model: ModelDetailDto }>(`/api/v1/models/${encodeURIComponent(id)}`, { signal }).then(
          (body) => body.model,
        ),
      refetchInterval: 60_000,
    }),
};
