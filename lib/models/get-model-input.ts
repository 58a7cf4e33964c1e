import { z } from "zod";

/** Versions per page of the model page's table. */
export const MODEL_VERSIONS_PAGE = 50;
/** Newest versions drawn in the chart across versions; older ones would squash it flat. */
export const MODEL_CHART_VERSIONS = 1_000;

/**
 * Which part of the model to read: one page of the versions table, sorted by version number
 * or by a metric (gaps last either way, ties newest first), and the metric drawn across
 * versions (default: the first metric column).
 */
export const getModelInput = z.object({
  id: z.string(),
  /** "version" or a metric key. */
  sort: z
    .string()
    .min(1)
    .max(200)
    .default("version")
    .describe('"version" or a metric key; versions without the metric sort last.'),
  dir: z.enum(["asc", "desc"]).default("desc"),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe("Versions to skip."),
  limit: z.coerce.number().int().min(1).max(200).default(MODEL_VERSIONS_PAGE).describe("Versions per page."),
  metric: z
    .string()
    .min(1)
    .max(200)
    .nullish()
    .describe("The metric across versions (`metricSeries`): one of `metricColumns`; default the first."),
});
export type GetModelInput = z.input<typeof getModelInput>;
/** `GET /api/v1/models/{modelId}`'s query: `?sort=&dir=&offset=&limit=&metric=`. */
export const getModelQuery = getModelInput.omit({ id: true });
