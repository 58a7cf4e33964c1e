"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { ChartSparklineMetric } from "@/components/charts/chart-sparkline-metric";
import { withShellParams } from "@/components/layout/use-search-param-updater";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { prepareMetricSparkline } from "@/lib/charts/prepare-metric-sparkline";
import type { ModelListItemDto } from "@/lib/queries/models";

function PrimaryMetric({ model }: { model: ModelListItemDto }) {
  if (!model.primaryMetric) return <span className="text-muted-foreground">Not set</span>;
  const Arrow = model.primaryMetricDirection === "higher" ? ArrowUp : ArrowDown;
  return (
    <span className="inline-flex items-center gap-1 font-mono text-xs">
      {model.primaryMetric}
      <Arrow aria-hidden="true" className="size-3 text-muted-foreground" />
      <span className="sr-only">({model.primaryMetricDirection} is better)</span>
    </span>
  );
}

function Trend({ model }: { model: ModelListItemDto }) {
  const prepared = prepareMetricSparkline(
    model.primaryMetric,
    model.primaryMetricDirection,
    model.metricByVersion,
  );
  if (!prepared) return <span className="text-muted-foreground text-xs">No metric logged</span>;
  return <ChartSparklineMetric points={prepared.points} ariaLabel={prepared.summary} />;
}

/** Registered models: what they are judged by, how many versions, which is champion, and the trend. */
export function ModelsTable({ items }: { items: ModelListItemDto[] }) {
  const searchParams = useSearchParams();
  return (
    <Table
      caption="Registered models, newest first, with their primary metric across versions"
      data-testid="models-table"
    >
      <TableHeader>
        <TableRow>
          <TableHead>Model</TableHead>
          <TableHead className="hidden md:table-cell">Primary metric</TableHead>
          <TableHead className="text-right">Versions</TableHead>
          <TableHead className="hidden lg:table-cell">Latest</TableHead>
          <TableHead>Champion</TableHead>
          <TableHead>Trend across versions</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((model) => (
          <TableRow key={model.id} data-testid={`model-row-${model.name}`}>
            <TableCell className="max-w-64">
              <Link
                href={withShellParams(`/models/${model.id}`, searchParams)}
                className="block truncate font-medium hover:underline focus-visible:outline-2 focus-visible:outline-ring"
              >
                {model.name}
              </Link>
              <div className="truncate text-muted-foreground text-xs">{model.projectName}</div>
            </TableCell>
            <TableCell className="hidden md:table-cell">
              <PrimaryMetric model={model} />
            </TableCell>
            <TableCell className="text-right tabular-nums">{model.versionCount}</TableCell>
            <TableCell className="hidden font-mono text-sm lg:table-cell">
              {model.latestVersion === null ? "—" : `v${model.latestVersion}`}
            </TableCell>
            <TableCell>
              {model.championVersion === null ? (
                <span className="text-muted-foreground text-sm">None</span>
              ) : (
                <Badge variant="success">champion v{model.championVersion}</Badge>
              )}
            </TableCell>
            <TableCell>
              <Trend model={model} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
