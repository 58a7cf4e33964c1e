"use client";

import { FilterSelect } from "@/components/lists/filter-select";
import {
  ALERT_SEVERITIES,
  ALERT_SEVERITY_LABEL,
  ALERT_STATE_LABEL,
  ALERT_STATES,
} from "@/components/monitoring/alert-badges";

/** State and severity filters; the time range in the header bounds resolved alerts. */
export function AlertFilters() {
  return (
    <>
      <FilterSelect
        param="state"
        label="State"
        allLabel="All states"
        options={ALERT_STATES.map((s) => ({ value: s, label: ALERT_STATE_LABEL[s] }))}
      />
      <FilterSelect
        param="severity"
        label="Severity"
        allLabel="All severities"
        options={ALERT_SEVERITIES.map((s) => ({ value: s, label: ALERT_SEVERITY_LABEL[s] }))}
      />
    </>
  );
}
