import type { PipelineKind, Provider, RunStatus } from "@/lib/db/schema/enums";
import { oneOf, type ParamSource, paramOf, textParam } from "@/lib/queries/list-params";
import type { RunFilters } from "@/lib/queries/runs";
import { isTimeRangeKey } from "@/lib/utils/time-range";

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
export const PIPELINE_KINDS = ["ci", "training", "deploy"] as const satisfies readonly PipelineKind[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PipelinesFilters = RunFilters & {
  status: (typeof RUN_STATUSES)[number] | null;
  provider: (typeof PROVIDERS)[number] | null;
  kind: (typeof PIPELINE_KINDS)[number] | null;
};

/**
 * `?status=&provider=&pipeline=&branch=&kind=&actor=` (unknown values ignored) plus the
 * project from the global switcher and `?range=` from the header picker. The range only
 * narrows the list when it is in the URL, so the unfiltered list still reaches back to the
 * first run.
 */
export function parsePipelinesFilters(params: ParamSource, project: string | null): PipelinesFilters {
  const pipeline = paramOf(params, "pipeline");
  const range = paramOf(params, "range");
  return {
    project,
    status: oneOf(RUN_STATUSES, paramOf(params, "status")),
    provider: oneOf(PROVIDERS, paramOf(params, "provider")),
    pipeline: pipeline && UUID.test(pipeline) ? pipeline.toLowerCase() : null,
    branch: textParam(params, "branch", 200),
    kind: oneOf(PIPELINE_KINDS, paramOf(params, "kind")),
    actor: textParam(params, "actor", 200),
    range: isTimeRangeKey(range) ? range : null,
  };
}

/** True when anything beyond the project narrows the list (for the empty state's wording). */
export function isNarrowed(filters: PipelinesFilters): boolean {
  const { project: _project, ...rest } = filters;
  return Object.values(rest).some((value) => value !== null);
}
