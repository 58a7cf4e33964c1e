import { parseTimeRange } from "@/lib/utils/time-range";
import type { ScopeFilters } from "./keys";

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function first(source: ParamSource, key: string): string | null {
  if (source instanceof URLSearchParams) return source.get(key);
  const value = source[key];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** Reads ?project= and ?range= the same way on the server, in API routes and in the browser. */
export function parseScopeFilters(source: ParamSource): ScopeFilters & { rangeMs: number } {
  const project = first(source, "project");
  const range = parseTimeRange(first(source, "range"));
  return { project: project && SLUG.test(project) ? project : null, range: range.key, rangeMs: range.ms };
}
