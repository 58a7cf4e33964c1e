"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { ChartSparklineMetric } from "@/components/charts/chart-sparkline-metric";
import { withShellParams } from "@/components/layout/use-search-param-updater";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMetricValue, prepareMetricSparkline } from "@/lib/charts/prepare-metric-sparkline";
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

/** The primary metric's latest value beside its line over the recent versions. */
function Trend({ model }: { model: ModelListItemDto }) {
  const prepared = prepareMetricSparkline(
    model.primaryMetric,
    model.primaryMetricDirection,
    model.metricByVersion,
  );
  if (!prepared || !model.latestMetric) {
    return <span className="text-muted-foreground text-xs">No metric logged</span>;
  }
  return (
    <span className="flex items-center gap-3">
      <span
        className="w-14 text-right font-mono text-sm tabular-nums"
        title={`${model.primaryMetric} = ${model.latestMetric.value} (v${model.latestMetric.version})`}
        data-testid="latest-metric"
      >
        {formatMetricValue(model.latestMetric.value)}
      </span>
      <ChartSparklineMetric points={prepared.points} ariaLabel={prepared.summary} />
    </span>
  );
}

/** A version number linking to its page. */
function VersionLink({ modelId, version, label }: { modelId: string; version: number; label: string }) {
  const searchParams = useSearchParams();
  return (
    <Link
      href={withShellParams(`/models/${modelId}/versions/${version}`, searchParams)}
      className="font-mono text-sm hover:underline focus-visible:outline-2 focus-visible:outline-ring"
      aria-label={`${label} v${version}`}
    >
      v{version}
    </Link>
  );
}

/**
 * Registered models: what they are judged by, how many versions, the latest one, the ones in
 * production and holding `champion`, and the primary metric's latest value and trend.
 */
export function ModelsTable({ items }: { items: ModelListItemDto[] }) {
  const searchParams = useSearchParams();
  return (
    <Table
      caption="Registered models, newest first, with their latest and production versions and their primary metric across versions"
      data-testid="models-table"
    >
      <TableHeader>
        <TableRow>
          <TableHead>Model</TableHead>
          <TableHead className="hidden md:table-cell">Primary metric</TableHead>
          <TableHead className="text-right">Versions</TableHead>
          <TableHead>Latest</TableHead>
          <TableHead>Production</TableHead>
          <TableHead className="hidden lg:table-cell">Champion</TableHead>
          <TableHead>Primary metric, recent versions</TableHead>
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
            <TableCell>
              {model.latestVersion === null ? (
                <span className="text-muted-foreground">—</span>
              ) : (
                <VersionLink modelId={model.id} version={model.latestVersion} label="Latest version" />
              )}
            </TableCell>
            <TableCell>
              {model.productionVersion === null ? (
                <span className="text-muted-foreground text-sm">Not in production</span>
              ) : (
                <Badge variant="success" data-testid="production-version">
                  <VersionLink
                    modelId={model.id}
                    version={model.productionVersion}
                    label="Production version"
                  />
                </Badge>
              )}
            </TableCell>
            <TableCell className="hidden lg:table-cell">
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
