"use client";

import { ArrowDownRight, ArrowUpRight, Minus } from "lucide-react";
import { useMemo } from "react";
import { ChartBarMetricCompare } from "@/components/charts/chart-bar-metric-compare";
import { ChartFrame } from "@/components/ui/chart-frame";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import {
  type MetricCompareRow,
  type MetricDirection,
  prepareMetricCompare,
} from "@/lib/charts/prepare-metric-compare";
import type { PromotionCurrentDto, PromotionPolicyDto, PromotionSubjectDto } from "@/lib/queries/promotions";
import { cn } from "@/lib/utils/cn";
import { EMPTY_VALUE } from "@/lib/utils/format";

type ModelSubject = Extract<PromotionSubjectDto, { kind: "model" }>;

const fmt = (value: number | null) => (value === null ? EMPTY_VALUE : String(Number(value.toPrecision(4))));

function Change({ row }: { row: MetricCompareRow }) {
  if (row.delta === null) return <span className="text-muted-foreground">not comparable</span>;
  const Icon = row.delta > 0 ? ArrowUpRight : row.delta < 0 ? ArrowDownRight : Minus;
  const tone =
    row.verdict === "better"
      ? "text-success"
      : row.verdict === "worse"
        ? "text-destructive"
        : "text-muted-foreground";
  const relative =
    row.relativeDelta === null
      ? ""
      : ` (${row.relativeDelta > 0 ? "+" : ""}${(row.relativeDelta * 100).toFixed(1)}%)`;
  return (
    <span className={cn("inline-flex items-center gap-1 tabular-nums", tone)}>
      <Icon aria-hidden="true" className="size-3.5" />
      {row.delta > 0 ? "+" : ""}
      {fmt(row.delta)}
      {relative}
      <span className="sr-only">, {row.verdict === "unknown" ? "not comparable" : row.verdict}</span>
    </span>
  );
}

/**
 * A candidate model version against the version of the same model running in the
 * environment now: a delta table (exact numbers, gated metrics marked) and grouped bars.
 */
export function MetricCompare({
  candidate,
  current,
  policy,
  environmentName,
  decided = false,
}: {
  candidate: ModelSubject;
  current: PromotionCurrentDto | null;
  policy: PromotionPolicyDto;
  environmentName: string;
  /** The request is decided: "current" is what ran before the decision, not what runs now. */
  decided?: boolean;
}) {
  const running = current?.subject.kind === "model" ? current.subject : null;
  const gated = policy.checks.metricThresholds.map((t) => t.metric);
  const compare = useMemo(() => {
    const directions: Record<string, MetricDirection> = {};
    for (const t of policy.checks.metricThresholds) directions[t.metric] = t.direction;
    if (candidate.primaryMetric) directions[candidate.primaryMetric] ??= candidate.primaryMetricDirection;
    const first = [candidate.primaryMetric, ...gated].filter((m): m is string => Boolean(m));
    return prepareMetricCompare(candidate.metrics, running?.metrics ?? null, directions, first);
  }, [candidate, running, policy, gated]);
  const currentLabel = running?.label ?? null;
  const when = decided ? "then" : "now";

  return (
    <div className="flex flex-col gap-4" data-testid="metric-compare">
      <div className="rounded-lg border">
        <Table
          caption={`Metrics of ${candidate.label} against ${currentLabel ?? `nothing in ${environmentName}`}`}
        >
          <TableHeader>
            <TableRow>
              <TableHead>Metric</TableHead>
              <TableHead className="text-right">{candidate.label}</TableHead>
              <TableHead className="text-right">
                {currentLabel ? `${currentLabel} (${when})` : decided ? "Then" : "Now"}
              </TableHead>
              <TableHead>Change</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {compare.rows.map((row) => (
              <TableRow key={row.metric} data-testid="metric-row">
                <TableCell className="font-mono text-sm">
                  {row.metric}
                  <span className="ml-2 text-muted-foreground text-xs">{row.direction} is better</span>
                  {gated.includes(row.metric) ? <span className="ml-2 text-info text-xs">gated</span> : null}
                </TableCell>
                <TableCell className="text-right font-mono tabular-nums">{fmt(row.candidate)}</TableCell>
                <TableCell className="text-right font-mono tabular-nums">{fmt(row.current)}</TableCell>
                <TableCell className="text-sm">
                  <Change row={row} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <ChartFrame
        title={`Candidate against ${when}`}
        titleAs="h3"
        description={
          currentLabel
            ? `${candidate.label} beside ${currentLabel} in ${environmentName}`
            : `Nothing runs in ${environmentName} yet`
        }
        ariaLabel={`Metrics of ${candidate.label} against ${currentLabel ?? "nothing"}, bars per metric`}
        height={240}
        empty={compare.rows.length === 0}
        emptyTitle="No metrics logged"
        emptyDescription="This model version reported no final metrics."
        summary={compare.summary}
      >
        <ChartBarMetricCompare
          groups={compare.groups}
          candidateLabel={candidate.label}
          currentLabel={currentLabel ? `${currentLabel} (${when})` : null}
        />
      </ChartFrame>
    </div>
  );
}
