import { queryOptions } from "@tanstack/react-query";
import type { Page } from "@/lib/db/keyset";
import type { ModelDetail } from "@/lib/models/get-model";
import type { ModelListItem } from "@/lib/models/list-models";
import { fetchJson, type Jsonify, withSearch } from "./fetch-json";
import { queryKeys } from "./keys";
import { pagedQueryOptions } from "./paged";

/** How many versions one comparison takes; the compare input schema's own limits, for client components. */
export { MAX_COMPARED, MIN_COMPARED } from "@/lib/models/compare/schemas";

export type ModelPageDto = Jsonify<Page<ModelListItem>>;
export type ModelListItemDto = ModelPageDto["items"][number];
export type ModelDetailDto = Jsonify<ModelDetail>;
export type ModelVersionSummaryDto = ModelDetailDto["versions"][number];

/** `q`: part of the model's name. */
export type ModelFilters = { project: string | null; q: string | null };
/** Which page of a model's versions, sorted how, and which metric is charted across versions. */
export type ModelView = { sort?: string; dir?: "asc" | "desc"; offset?: number; metric?: string | null };

export const modelQueries = {
  /** Registered models, newest first; no polling, since versions arrive minutes apart at best. */
  pages: (f: ModelFilters) => pagedQueryOptions<ModelPageDto>(queryKeys.models.pages(f), "/api/v1/models", f),
  /** One model with its versions, aliases and deployments; refreshed every minute while open. */
  detail: (id: string, view: ModelView = {}) =>
    queryOptions({
      queryKey: [...queryKeys.models.detail(id), view] as const,
      queryFn: ({ signal }) =>
        fetchJson<{ model: ModelDetailDto }>(withSearch(`/api/v1/models/${encodeURIComponent(id)}`, view), {
          signal,
        }).then((body) => body.model),
      refetchInterval: 60_000,
    }),
};
