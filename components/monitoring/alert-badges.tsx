import { AlertOctagon, AlertTriangle, BellRing, CheckCircle2, Clock, Info } from "lucide-react";
import { Badge, type BadgeVariant } from "@/components/ui/badge";

export const ALERT_SEVERITIES = ["critical", "warning", "info"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
export const ALERT_STATES = ["firing", "pending", "resolved"] as const;
export type AlertState = (typeof ALERT_STATES)[number];

type Look = { variant: BadgeVariant; label: string; Icon: typeof Info };

const SEVERITY: Record<AlertSeverity, Look> = {
  critical: { variant: "danger", label: "Critical", Icon: AlertOctagon },
  warning: { variant: "warning", label: "Warning", Icon: AlertTriangle },
  info: { variant: "info", label: "Info", Icon: Info },
};

const STATE: Record<AlertState, Look> = {
  firing: { variant: "danger", label: "Firing", Icon: BellRing },
  pending: { variant: "warning", label: "Pending", Icon: Clock },
  resolved: { variant: "success", label: "Resolved", Icon: CheckCircle2 },
};

export const ALERT_SEVERITY_LABEL = Object.fromEntries(
  ALERT_SEVERITIES.map((s) => [s, SEVERITY[s].label]),
) as Record<AlertSeverity, string>;
export const ALERT_STATE_LABEL = Object.fromEntries(ALERT_STATES.map((s) => [s, STATE[s].label])) as Record<
  AlertState,
  string
>;

function LookBadge({ look, data }: { look: Look; data: string }) {
  return (
    <Badge variant={look.variant} data-value={data}>
      <look.Icon aria-hidden="true" />
      {look.label}
    </Badge>
  );
}

/** How bad an alert rule says a breach is: icon, colour and word together. */
export function AlertSeverityBadge({ severity }: { severity: AlertSeverity }) {
  return <LookBadge look={SEVERITY[severity]} data={severity} />;
}

/** Where an alert is in its life: pending (breached, waiting out `for`), firing, resolved. */
export function AlertStateBadge({ state }: { state: AlertState }) {
  return <LookBadge look={STATE[state]} data={state} />;
}
