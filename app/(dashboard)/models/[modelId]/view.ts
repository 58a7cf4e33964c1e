import { MODEL_VERSIONS_PAGE } from "@/lib/models/get-model-input";
import type { ModelView } from "@/lib/queries/models";

/** Longest metric key accepted from the URL; getModel's own limit. */
const MAX_KEY = 200;

/**
 * The model page's URL (?sort=&dir=&page=&metric=) as getModel's view. Anything malformed
 * falls back to the default (newest first, page 1, first metric) instead of an error page;
 * an unknown metric key sorts every version as a gap, which is newest first too.
 */
export function modelViewFromParams(params: { get(name: string): string | null }) {
  const sort = params.get("sort");
  const page = Number(params.get("page"));
  const metric = params.get("metric");
  const view = {
    sort: sort && sort.length <= MAX_KEY ? sort : "version",
    dir: params.get("dir") === "asc" ? "asc" : "desc",
    offset: Number.isInteger(page) && page > 1 && page <= 20_000 ? (page - 1) * MODEL_VERSIONS_PAGE : 0,
    metric: metric && metric.length <= MAX_KEY ? metric : null,
  } satisfies ModelView;
  return view;
}
