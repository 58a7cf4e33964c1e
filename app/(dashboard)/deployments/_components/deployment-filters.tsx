"use client";

import {
  DEPLOYMENT_STATUS_LABEL,
  DEPLOYMENT_STATUSES,
} from "@/components/deployments/deployment-status-badge";
import { type FilterOption, FilterSelect } from "@/components/lists/filter-select";

/** Environment and status filters for the history; environments come from the matrix. */
export function DeploymentFilters({ environments }: { environments: FilterOption[] }) {
  return (
    <>
      <FilterSelect
        param="environment"
        label="Environment"
        allLabel="All environments"
        options={environments}
      />
      <FilterSelect
        param="status"
        label="Status"
        allLabel="All statuses"
        options={DEPLOYMENT_STATUSES.map((s) => ({ value: s, label: DEPLOYMENT_STATUS_LABEL[s] }))}
      />
    </>
  );
}
