"use client";

import { FilterSelect } from "@/components/lists/filter-select";
import { PROVIDER_LABEL } from "@/components/runs/runs-table";
import { PROVIDERS, RUN_STATUSES } from "../search-params";

const STATUS_LABEL: Record<(typeof RUN_STATUSES)[number], string> = {
  queued: "Queued",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  cancelled: "Cancelled",
  skipped: "Skipped",
};

/** Status and provider filters; the project comes from the switcher in the header. */
export function RunFilters() {
  return (
    <>
      <FilterSelect
        param="status"
        label="Status"
        allLabel="All statuses"
        options={RUN_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
      />
      <FilterSelect
        param="provider"
        label="Provider"
        allLabel="All providers"
        options={PROVIDERS.map((p) => ({ value: p, label: PROVIDER_LABEL[p] }))}
      />
    </>
  );
}
