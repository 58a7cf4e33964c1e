import { DEPLOYMENT_STATUSES, type DeploymentStatus } from "@/components/deployments/deployment-status-badge";
import type { DeploymentStatus as DbDeploymentStatus } from "@/lib/db/schema/enums";
import type { DeploymentFilters } from "@/lib/queries/deployments";
import { oneOf, type ParamSource, paramOf } from "@/lib/queries/list-params";

// Fails to compile if the badge's statuses drift from the database enum.
const _sameAsDatabase: readonly DbDeploymentStatus[] = DEPLOYMENT_STATUSES;

const ENVIRONMENT_SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

export type DeploymentsFilters = DeploymentFilters & { status: DeploymentStatus | null };

/** `?at=<ISO instant>`: the board answers for that time; anything unparseable means now. */
export function parseBoardAt(params: ParamSource): Date | null {
  const raw = paramOf(params, "at");
  if (!raw || raw.length > 40) return null;
  const at = new Date(raw);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** `?environment=<slug>&status=` (unknown values ignored) plus the project from the switcher. */
export function parseDeploymentsFilters(params: ParamSource, project: string | null): DeploymentsFilters {
  const environment = paramOf(params, "environment");
  return {
    project,
    environment: environment && ENVIRONMENT_SLUG.test(environment) ? environment : null,
    status: oneOf(DEPLOYMENT_STATUSES, paramOf(params, "status")),
  };
}
