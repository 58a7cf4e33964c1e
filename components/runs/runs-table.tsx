import { ExternalLink } from "lucide-react";
import Link from "next/link";
import type * as React from "react";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RunListItemDto } from "@/lib/queries/runs";
import { formatDuration, formatRelativeTime } from "@/lib/utils/format";

/** How each provider is named to people; also the pipelines page's provider filter options. */
export const PROVIDER_LABEL: Record<RunListItemDto["provider"], string> = {
  github: "GitHub Actions",
  gitlab: "GitLab CI",
  azure_devops: "Azure DevOps",
  generic: "REST API",
};

function duration(run: RunListItemDto): number | null {
  if (!run.startedAt) return null;
  const end = run.finishedAt ? Date.parse(run.finishedAt) : Date.now();
  return end - Date.parse(run.startedAt);
}

function runLabel(run: RunListItemDto): string {
  return `${run.pipelineName}${run.runNumber ? ` #${run.runNumber}` : ""}`;
}

function DetailLink({ run, href }: { run: RunListItemDto; href: string }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <Link href={href} className="hover:underline" data-testid="run-link">
        {runLabel(run)}
      </Link>
      {run.url ? (
        <a
          href={run.url}
          target="_blank"
          rel="noreferrer"
          className="text-muted-foreground hover:text-foreground"
        >
          <ExternalLink aria-hidden="true" className="size-3" />
          <span className="sr-only">Open {runLabel(run)} at the provider</span>
        </a>
      ) : null}
    </span>
  );
}

export type RunsTableProps = {
  items: RunListItemDto[];
  /** Names the table for assistive tech. */
  caption: string;
  "data-testid"?: string;
  /** When given, the pipeline name opens Tandem's run page and a small icon opens the provider. */
  detailHref?: (run: RunListItemDto) => string;
} & Omit<React.ComponentProps<"table">, "children">;

/** Runs across providers as one table: status, pipeline (linking out to the provider), branch, timing. */
export function RunsTable({ items, caption, detailHref, ...props }: RunsTableProps) {
  return (
    <Table caption={caption} {...props}>
      <TableHeader>
        <TableRow>
          <TableHead>Status</TableHead>
          <TableHead>Pipeline</TableHead>
          <TableHead className="hidden md:table-cell">Branch</TableHead>
          <TableHead className="hidden lg:table-cell">Provider</TableHead>
          <TableHead>Started</TableHead>
          <TableHead className="text-right">Duration</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((run) => (
          <TableRow key={run.id} data-run-status={run.status}>
            <TableCell>
              <RunStatusBadge status={run.status} />
            </TableCell>
            <TableCell className="max-w-56">
              <div className="truncate font-medium">
                {detailHref ? (
                  <DetailLink run={run} href={detailHref(run)} />
                ) : run.url ? (
                  <a
                    href={run.url}
                    target="_blank"
                    rel="noreferrer"
                    className="inline-flex items-center gap-1 hover:underline"
                  >
                    {runLabel(run)}
                    <ExternalLink aria-hidden="true" className="size-3" />
                    <span className="sr-only">(opens at the provider)</span>
                  </a>
                ) : (
                  runLabel(run)
                )}
              </div>
              <div className="truncate text-muted-foreground text-xs">{run.projectName}</div>
            </TableCell>
            <TableCell className="hidden max-w-40 truncate font-mono text-xs md:table-cell">
              {run.branch ?? "—"}
            </TableCell>
            <TableCell className="hidden text-sm lg:table-cell">{PROVIDER_LABEL[run.provider]}</TableCell>
            <TableCell className="whitespace-nowrap text-sm">
              {/* "now" differs between the server render and hydration; the text may too. */}
              <time dateTime={run.queuedAt} suppressHydrationWarning>
                {formatRelativeTime(run.queuedAt)}
              </time>
            </TableCell>
            <TableCell className="text-right text-sm tabular-nums" suppressHydrationWarning>
              {formatDuration(duration(run))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
