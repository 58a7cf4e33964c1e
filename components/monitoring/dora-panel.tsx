"use client";

import { ChartLineDoraTrend } from "@/components/charts/chart-line-dora-trend";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { prepareDora } from "@/lib/charts/prepare-dora";
import type { DoraReportDto } from "@/lib/queries/monitoring";

export type DoraPanelProps = {
  report: DoraReportDto;
  title?: string;
  /** Hide the weekly trend charts (e.g. a range shorter than two weeks). */
  trend?: boolean;
};

/** The four DORA metrics as tiles, each with its weekly trend underneath. */
export function DoraPanel({ report, title = "Delivery (DORA)", trend = true }: DoraPanelProps) {
  const { tiles, trend: rows } = prepareDora(report);
  const showTrend = trend && rows.length > 1;
  return (
    <section aria-label={title} className="space-y-3" data-testid="dora-panel">
      <h2 className="font-semibold text-lg">{title}</h2>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {tiles.map((tile) => (
          <Card key={tile.key} className="min-w-0">
            <CardHeader className="gap-1 pb-2">
              <CardDescription>{tile.label}</CardDescription>
              <CardTitle as="h3" className="text-2xl tabular-nums">
                {tile.value}
              </CardTitle>
              <p className="text-muted-foreground text-xs">{tile.hint}</p>
            </CardHeader>
            {showTrend ? (
              <figure aria-label={`${tile.label} per week`} className="m-0 h-24 px-3 pb-3">
                <ChartLineDoraTrend rows={rows} metric={tile.key} name={tile.label} />
              </figure>
            ) : null}
          </Card>
        ))}
      </div>
    </section>
  );
}
