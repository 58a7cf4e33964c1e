"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { metricValue } from "@/lib/charts/prepare-metric-by-version";
import { formatMetricValue } from "@/lib/charts/prepare-metric-sparkline";
import type { VersionSort } from "@/lib/charts/prepare-model-versions-table";
import type { ModelVersionSummaryDto } from "@/lib/queries/models";
import { formatDate } from "@/lib/utils/format";

export type ModelVersionsTableProps = {
  /** Already sorted. */
  versions: ModelVersionSummaryDto[];
  metricColumns: string[];
  sort: VersionSort;
  onSort: (key: string) => void;
  /** Versions ticked for comparison; with onToggle, a checkbox column is shown. */
  selected?: number[];
  onToggle?: (version: number) => void;
  /** Selection is full (10): unticked boxes are disabled. */
  selectionFull?: boolean;
  /** With it, version numbers link to each version's page. */
  modelId?: string;
};

function SortHeader({
  label,
  column,
  sort,
  onSort,
  className,
}: {
  label: string;
  column: string;
  sort: VersionSort;
  onSort: (key: string) => void;
  className?: string;
}) {
  const active = sort.key === column;
  const Icon = !active ? ArrowUpDown : sort.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <TableHead
      className={className}
      aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}
    >
      <button
        type="button"
        onClick={() => onSort(column)}
        className="inline-flex items-center gap-1 rounded-sm font-mono hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
      >
        {label}
        <Icon aria-hidden="true" className={active ? "size-3.5 text-foreground" : "size-3.5 opacity-50"} />
        <span className="sr-only">, sort</span>
      </button>
    </TableHead>
  );
}

function AliasBadges({ aliases }: { aliases: string[] }) {
  if (aliases.length === 0) return null;
  return (
    <span className="flex flex-wrap gap-1">
      {aliases.map((alias) => (
        <Badge key={alias} variant={alias === "champion" ? "success" : "info"} data-testid={`alias-${alias}`}>
          {alias}
        </Badge>
      ))}
    </span>
  );
}

function DeployedBadges({ deployedIn }: { deployedIn: ModelVersionSummaryDto["deployedIn"] }) {
  if (deployedIn.length === 0) return <span className="text-muted-foreground text-xs">Not deployed</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {deployedIn.map((d) => (
        <Badge
          key={d.environmentId}
          variant={d.isProduction ? "success" : "outline"}
          title={`Running in ${d.environmentName} since ${formatDate(d.deployedAt)}`}
        >
          {d.environmentName}
        </Badge>
      ))}
    </span>
  );
}

/**
 * A model's versions: aliases, one sortable column per metric (gaps shown as "—"), and the
 * environments each version runs in now.
 */
export function ModelVersionsTable({
  versions,
  metricColumns,
  sort,
  onSort,
  selected,
  onToggle,
  selectionFull = false,
  modelId,
}: ModelVersionsTableProps) {
  return (
    <Table
      caption="Versions of this model with their metrics, aliases and deployments"
      data-testid="versions-table"
    >
      <TableHeader>
        <TableRow>
          {onToggle ? (
            <TableHead className="w-8">
              <span className="sr-only">Compare</span>
            </TableHead>
          ) : null}
          <SortHeader label="Version" column="version" sort={sort} onSort={onSort} />
          <TableHead>Aliases</TableHead>
          {metricColumns.map((key) => (
            <SortHeader
              key={key}
              label={key}
              column={key}
              sort={sort}
              onSort={onSort}
              className="text-right"
            />
          ))}
          <TableHead>Deployed in</TableHead>
          <TableHead className="hidden md:table-cell">Status</TableHead>
          <TableHead className="hidden lg:table-cell">Registered</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {versions.map((v) => (
          <TableRow key={v.id} data-testid={`version-row-${v.version}`}>
            {onToggle ? (
              <TableCell className="w-8">
                <input
                  type="checkbox"
                  aria-label={`Compare v${v.version}`}
                  checked={selected?.includes(v.version) ?? false}
                  disabled={selectionFull && !selected?.includes(v.version)}
                  onChange={() => onToggle(v.version)}
                />
              </TableCell>
            ) : null}
            <TableCell className="font-medium font-mono">
              {modelId ? (
                <Link
                  href={`/models/${modelId}/versions/${v.version}`}
                  className="rounded-sm underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-ring"
                >
                  v{v.version}
                </Link>
              ) : (
                `v${v.version}`
              )}
            </TableCell>
            <TableCell>
              <AliasBadges aliases={v.aliases} />
            </TableCell>
            {metricColumns.map((key) => {
              const value = metricValue(v.metrics, key);
              return (
                <TableCell key={key} className="text-right font-mono tabular-nums">
                  {value === null ? (
                    <span className="text-muted-foreground">
                      —<span className="sr-only">not logged</span>
                    </span>
                  ) : (
                    <span title={String(value)}>{formatMetricValue(value)}</span>
                  )}
                </TableCell>
              );
            })}
            <TableCell>
              <DeployedBadges deployedIn={v.deployedIn} />
            </TableCell>
            <TableCell className="hidden text-sm md:table-cell">{v.status}</TableCell>
            <TableCell className="hidden text-muted-foreground text-sm lg:table-cell">
              {formatDate(v.createdAt)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
