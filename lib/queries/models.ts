import type { Page } from "@/lib/db/keyset";
import type { ModelListItem } from "@/lib/models/list-models";
import type { Jsonify } from "./fetch-json";
import { queryKeys } from "./keys";
import { pagedQueryOptions } from "./paged";

export type ModelPageDto = Jsonify<Page<ModelListItem>>;
export type ModelListItemDto = ModelPageDto["items"][number];

export type ModelFilters = { project: string | null };

export const modelQueries = {
  /** Registered models, newest first; no polling, since versions arrive minutes apart at best. */
  pages: (f: ModelFilters) => pagedQueryOptions<ModelPageDto>(queryKeys.models.pages(f), "/api/v1/models", f),
};
