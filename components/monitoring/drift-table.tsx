"use client";

import { useState } from "react";
import { ChartLineDrift } from "@/components/charts/chart-line-drift";
import { ChartSparklineMetric } from "@/components/charts/chart-sparkline-metric";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { ChartFrame } from "@/components/ui/chart-frame";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { type DriftLevel, type FeatureDriftInput, prepareDriftTable } from "@/lib/charts/prepare-drift";
import { formatMetricValue } from "@/lib/charts/prepare-metric-sparkline";

const LEVEL_VARIANT: Record<DriftLevel, BadgeVariant> = {
  drift: "danger",
  watch: "warning",
  ok: "success",
  "no data": "neutral",
};
const show = (v: number | null | undefined) => (v === null || v === undefined ? "—" : formatMetricValue(v));

/**
 * Per feature the latest PSI, KS and JS distance with a PSI sparkline; choosing a row
 * draws that feature's scores over time below the table. `features` is the JSON of
 * lib/drift/list-feature-drift.ts.
 */
export function DriftTable({ features }: { features: readonly FeatureDriftInput[] }) {
  const rows = prepareDriftTable(features);
  const [selected, setSelected] = useState<string | null>(rows[0]?.feature ?? null);
  const chosen = rows.find((r) => r.feature === selected) ?? null;
  if (rows.length === 0) {
    return (
      <EmptyState
        title="No drift baselines yet"
        description="Upload a reference distribution per feature; the drift job scores each new window against it."
      />
    );
  }
  return (
    <section aria-label="Data drift per feature" className="space-y-4" data-testid="drift-table">
      <div className="rounded-lg border">
        <Table caption="Data drift per feature, worst first">
          <TableHeader>
            <TableRow>
              <TableHead>Feature</TableHead>
              <TableHead>State</TableHead>
              <TableHead>PSI</TableHead>
              <TableHead>KS</TableHead>
              <TableHead>JS distance</TableHead>
              <TableHead>PSI trend</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow
                key={row.feature}
                aria-selected={row.feature === selected}
                data-state={row.feature === selected ? "selected" : undefined}
              >
                <TableCell>
                  <button
                    type="button"
                    className="font-medium underline-offset-4 hover:underline"
                    aria-pressed={row.feature === selected}
                    onClick={() => setSelected(row.feature)}
                  >
                    {row.feature}
                  </button>
                </TableCell>
                <TableCell>
                  <Badge variant={LEVEL_VARIANT[row.level]}>{row.level}</Badge>
                </TableCell>
                <TableCell className="font-mono text-xs">{show(row.latest?.psi)}</TableCell>
                <TableCell className="font-mono text-xs">{show(row.latest?.ks)}</TableCell>
                <TableCell className="font-mono text-xs">{show(row.latest?.jsDistance)}</TableCell>
                <TableCell>
                  <ChartSparklineMetric
                    points={row.sparkline}
                    ariaLabel={`PSI of ${row.feature} over recent windows`}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {chosen ? (
        <ChartFrame
          title={`Drift of ${chosen.feature}`}
          ariaLabel={`PSI, KS and JS distance of ${chosen.feature} per window`}
          summary={chosen.summary}
          empty={chosen.chart.length === 0}
          titleAs="h3"
        >
          <ChartLineDrift rows={chosen.chart} />
        </ChartFrame>
      ) : null}
    </section>
  );
}
