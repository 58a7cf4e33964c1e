"use client";

import { useQuery } from "@tanstack/react-query";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { type BeforeAfterRow, prepareBeforeAfter } from "@/lib/charts/prepare-before-after";
import { formatMetricValue } from "@/lib/charts/prepare-metric-sparkline";
import { type ChartDeploymentDto, seriesQueries } from "@/lib/queries/monitoring";

export type BeforeAfterPanelProps = {
  deployment: ChartDeploymentDto;
  seriesIds: readonly string[];
  windowMin: number;
};

const value = (v: number | null | undefined, unit: string | null) =>
  v === null || v === undefined ? "—" : `${formatMetricValue(v)}${unit ? ` ${unit}` : ""}`;

function Delta({ row }: { row: BeforeAfterRow }) {
  if (row.deltaMean === null) return <span className="text-muted-foreground">—</span>;
  const sign = row.deltaMean > 0 ? "+" : "";
  const pct = row.deltaPercent === null ? "" : ` (${sign}${Math.round(row.deltaPercent * 100)} %)`;
  return (
    <span className="font-mono text-xs">
      {sign}
      {formatMetricValue(row.deltaMean)}
      {pct}
    </span>
  );
}

/**
 * Mean and p95 of each series in the N minutes before vs after a deployment, read at fine
 * resolution (at most 1,000 buckets over 2·N minutes) so the numbers come from near-raw points.
 */
export function BeforeAfterPanel({ deployment, seriesIds, windowMin }: BeforeAfterPanelProps) {
  const at = new Date(deployment.at).getTime();
  const windowMs = windowMin * 60_000;
  const ids = seriesIds.slice(0, 20);
  const query = useQuery({
    ...seriesQueries.points(
      { ids, from: String(at - windowMs), to: String(at + windowMs), maxPoints: 1000 },
      false,
    ),
    enabled: ids.length > 0,
  });
  const prepared = query.data ? prepareBeforeAfter(query.data, at, windowMs) : null;
  return (
    <section
      aria-label="Before and after the deployment"
      className="rounded-lg border"
      data-testid="before-after"
    >
      <Table caption={`${deployment.label}: ${windowMin} minutes before vs after`} showCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Series</TableHead>
            <TableHead>Mean before</TableHead>
            <TableHead>Mean after</TableHead>
            <TableHead>Change</TableHead>
            <TableHead>p95 before</TableHead>
            <TableHead>p95 after</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {query.isPending ? (
            <TableRow>
              <TableCell colSpan={6}>Loading…</TableCell>
            </TableRow>
          ) : query.isError ? (
            <TableRow>
              <TableCell colSpan={6} role="alert">
                Could not load the points around this deployment.
              </TableCell>
            </TableRow>
          ) : (
            prepared?.rows.map((row) => (
              <TableRow key={row.seriesId}>
                <TableCell>{row.name}</TableCell>
                <TableCell>{value(row.before?.mean, row.unit)}</TableCell>
                <TableCell>{value(row.after?.mean, row.unit)}</TableCell>
                <TableCell>
                  <Delta row={row} />
                </TableCell>
                <TableCell>{value(row.before?.p95, row.unit)}</TableCell>
                <TableCell>{value(row.after?.p95, row.unit)}</TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
    </section>
  );
}
