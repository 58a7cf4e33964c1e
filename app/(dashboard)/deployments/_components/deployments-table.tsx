import { ExternalLink, Undo2 } from "lucide-react";
import { DeploymentStatusBadge } from "@/components/deployments/deployment-status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DeploymentListItemDto } from "@/lib/queries/deployments";
import { formatDateTime, formatDuration, formatRelativeTime } from "@/lib/utils/format";

function duration(d: DeploymentListItemDto): number | null {
  return d.finishedAt ? Date.parse(d.finishedAt) - Date.parse(d.startedAt) : null;
}

/** Deployment history rows: outcome, what went where, who, when and how long it took. */
export function DeploymentsTable({ items }: { items: DeploymentListItemDto[] }) {
  return (
    <Table caption="Deployment history, newest first" data-testid="deployments-table">
      <TableHeader>
        <TableRow>
          <TableHead>Status</TableHead>
          <TableHead>What</TableHead>
          <TableHead>Environment</TableHead>
          <TableHead className="hidden md:table-cell">By</TableHead>
          <TableHead>Started</TableHead>
          <TableHead className="text-right">Duration</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((d) => (
          <TableRow key={d.id} data-deployment-status={d.status}>
            <TableCell>
              <DeploymentStatusBadge status={d.status} />
            </TableCell>
            <TableCell className="max-w-64">
              <div className="flex items-center gap-1 truncate font-medium font-mono text-sm">
                {d.url ? (
                  <a
                    href={d.url}
                    target="_blank"
                    rel="noreferrer"
                    className="inline-flex items-center gap-1 hover:underline"
                  >
                    {d.label}
                    <ExternalLink aria-hidden="true" className="size-3" />
                    <span className="sr-only">(opens at the provider)</span>
                  </a>
                ) : (
                  d.label
                )}
                {d.isRollback ? (
                  <span className="inline-flex items-center gap-0.5 font-sans text-warning text-xs">
                    <Undo2 aria-hidden="true" className="size-3" />
                    rollback
                  </span>
                ) : null}
              </div>
              <div className="truncate text-muted-foreground text-xs">{d.projectName}</div>
            </TableCell>
            <TableCell className="whitespace-nowrap text-sm">{d.environmentName}</TableCell>
            <TableCell className="hidden max-w-40 truncate text-sm md:table-cell">{d.actor ?? "—"}</TableCell>
            <TableCell className="whitespace-nowrap text-sm">
              <time dateTime={d.startedAt} title={formatDateTime(d.startedAt)} suppressHydrationWarning>
                {formatRelativeTime(d.startedAt)}
              </time>
            </TableCell>
            <TableCell className="text-right text-sm tabular-nums">{formatDuration(duration(d))}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
