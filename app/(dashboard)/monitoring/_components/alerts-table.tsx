"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { AlertSeverityBadge, AlertStateBadge } from "@/components/monitoring/alert-badges";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AlertListItemDto } from "@/lib/queries/monitoring";
import { formatDateTime, formatRelativeTime } from "@/lib/utils/format";

function number(value: number, unit: string | null): string {
  const text = Number(value.toPrecision(3)).toString();
  return unit ? `${text} ${unit}` : text;
}

/** "0.12 % > 0.05 %": the observed value against the rule, in the series' unit. */
function ValueVsThreshold({ alert }: { alert: AlertListItemDto }) {
  const op = alert.comparator === "gt" ? ">" : "<";
  const words = alert.comparator === "gt" ? "above" : "below";
  return (
    <span className="whitespace-nowrap font-mono text-xs">
      {alert.value === null ? "—" : number(alert.value, alert.unit)}{" "}
      <span aria-hidden="true">
        {op} {number(alert.threshold, alert.unit)}
      </span>
      <span className="sr-only">
        (alerts {words} {number(alert.threshold, alert.unit)})
      </span>
    </span>
  );
}

/** The current URL narrowed to one rule's alerts in every state: its history. */
function historyQuery(current: URLSearchParams, ruleId: string): string {
  const next = new URLSearchParams(current.toString());
  next.set("ruleId", ruleId);
  next.delete("state");
  next.delete("cursor");
  return next.toString();
}

/** Alerts, firing first: which rule, how severe, where, the value against the threshold, since when. */
export function AlertsTable({ items }: { items: AlertListItemDto[] }) {
  const searchParams = useSearchParams();
  return (
    <Table caption="Alerts: firing first, then pending, then recently resolved" data-testid="alerts-table">
      <TableHeader>
        <TableRow>
          <TableHead>State</TableHead>
          <TableHead>Rule</TableHead>
          <TableHead>Severity</TableHead>
          <TableHead className="hidden xl:table-cell">Environment</TableHead>
          <TableHead>Value vs threshold</TableHead>
          <TableHead>Since</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((a) => (
          <TableRow key={a.id} data-alert-state={a.state}>
            <TableCell>
              <AlertStateBadge state={a.state} />
            </TableCell>
            <TableCell className="max-w-40 xl:max-w-64">
              <Link
                href={`?${historyQuery(searchParams, a.ruleId)}`}
                className="block truncate font-medium underline-offset-4 hover:underline"
                title="Show this rule's history"
              >
                {a.ruleName}
              </Link>
              <div className="truncate text-muted-foreground text-xs">
                {a.projectName} · <span className="font-mono">{a.seriesName}</span>
              </div>
            </TableCell>
            <TableCell>
              <AlertSeverityBadge severity={a.severity} />
            </TableCell>
            <TableCell className="hidden whitespace-nowrap text-sm xl:table-cell">
              {a.environmentName ?? "—"}
            </TableCell>
            <TableCell>
              <ValueVsThreshold alert={a} />
            </TableCell>
            <TableCell className="whitespace-nowrap text-sm">
              <time dateTime={a.since} title={formatDateTime(a.since)} suppressHydrationWarning>
                {formatRelativeTime(a.since)}
              </time>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
