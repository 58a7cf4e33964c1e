import {
  ALERT_SEVERITIES,
  ALERT_STATES,
  type AlertSeverity,
  type AlertState,
} from "@/components/monitoring/alert-badges";
import type { AlertState as DbAlertState, AlertSeverity as DbSeverity } from "@/lib/monitoring/list-alerts";
import { oneOf, type ParamSource, paramOf } from "@/lib/queries/list-params";
import type { AlertFilters } from "@/lib/queries/monitoring";

// Fail to compile if the badges' lists drift from the database enums.
const _statesMatch: readonly DbAlertState[] = ALERT_STATES;
const _severitiesMatch: readonly DbSeverity[] = ALERT_SEVERITIES;

export type MonitoringFilters = AlertFilters & { state: AlertState | null; severity: AlertSeverity | null };

const uuidOrNull = (v: string | null | undefined) => (v && /^[0-9a-f-]{36}$/i.test(v) ? v : null);

/** `?state=&severity=&ruleId=` (unknown values ignored) plus project and range from the header. */
export function parseMonitoringFilters(
  params: ParamSource,
  scope: { project: string | null; range: string },
): MonitoringFilters {
  return {
    project: scope.project,
    range: scope.range,
    state: oneOf(ALERT_STATES, paramOf(params, "state")),
    severity: oneOf(ALERT_SEVERITIES, paramOf(params, "severity")),
    ruleId: uuidOrNull(paramOf(params, "ruleId")),
  };
}
