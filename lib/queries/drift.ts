import { queryOptions } from "@tanstack/react-query";
import type { FeatureDrift } from "@/lib/drift/list-feature-drift";
import { fetchJson, type Jsonify, withSearch } from "./fetch-json";
import { queryKeys } from "./keys";

export type FeatureDriftDto = Jsonify<FeatureDrift>;
export type FeatureDriftRowDto = FeatureDriftDto["features"][number];

/** Drift reports arrive a few times an hour at most; a minute is fresh enough. */
export const DRIFT_REFRESH_MS = 60_000;

export const driftQueries = {
  /** `GET /api/v1/models/{modelId}/drift`: per feature, the latest PSI / KS / JS and recent history. */
  model: (modelId: string, historyLimit = 30) =>
    queryOptions({
      queryKey: queryKeys.drift.model(modelId, historyLimit),
      queryFn: ({ signal }) =>
        fetchJson<FeatureDriftDto>(withSearch(`/api/v1/models/${modelId}/drift`, { historyLimit }), {
          signal,
        }),
      refetchInterval: DRIFT_REFRESH_MS,
    }),
};
