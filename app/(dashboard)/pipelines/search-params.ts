import type { Provider, RunStatus } from "@/lib/db/schema/enums";
import { oneOf, type ParamSource, paramOf } from "@/lib/queries/list-params";
import type { RunFilters } from "@/lib/queries/runs";

// Plain arrays (not the pgEnum) so the client filter bar does not bundle drizzle.
export const RUN_STATUSES = [
  "queued",
  "running",
  "succeeded",
  "failed",
  "cancelled",
  "skipped",
] as const satisfies readonly RunStatus[];
export const PROVIDERS = [
  "github",
  "gitlab",
  "azure_devops",
  "generic",
] as const satisfies readonly Provider[];

export type PipelinesFilters = RunFilters & {
  status: (typeof RUN_STATUSES)[number] | null;
  provider: (typeof PROVIDERS)[number] | null;
};

/** `?status=&provider=` (unknown values ignored) plus the project from the global switcher. */
export function parsePipelinesFilters(params: ParamSource, project: string | null): PipelinesFilters {
  return {
    project,
    status: oneOf(RUN_STATUSES, paramOf(params, "status")),
    provider: oneOf(PROVIDERS, paramOf(params, "provider")),
  };
}
