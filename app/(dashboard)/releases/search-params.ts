import { type ParamSource, paramOf, textParam } from "@/lib/queries/list-params";
import type { ReleaseFilters } from "@/lib/queries/releases";

const ENVIRONMENT_SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** `?environment=<slug>&q=<version prefix>` (anything malformed is ignored) plus the project. */
export function parseReleaseFilters(params: ParamSource, project: string | null): ReleaseFilters {
  const environment = paramOf(params, "environment");
  return {
    project,
    environment: environment && ENVIRONMENT_SLUG.test(environment) ? environment : null,
    q: textParam(params, "q", 200),
  };
}
