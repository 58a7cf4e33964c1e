import type { VersionPageDto } from "@/app/(dashboard)/models/[modelId]/versions/[version]/client";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { metricDirection, metricValue } from "@/lib/charts/prepare-metric-by-version";
import { formatMetricValue } from "@/lib/charts/prepare-metric-sparkline";

export type VersionMetricRow = {
  key: string;
  value: number | null;
  primary: boolean;
  direction: "higher" | "lower";
  /** The production version's value, when another version runs there and logged it. */
  production: number | null;
  /** This version against production: better, worse or equal for the metric's direction. */
  verdict: "better" | "worse" | "same" | null;
};

/**
 * The final metrics in reading order: the model's primary metric first, the rest by name;
 * each set against the production version when it is another one. Pure, so it is unit-tested.
 */
export function versionMetricRows(
  metrics: Record<string, unknown>,
  model: { primaryMetric: string | null; primaryMetricDirection: "higher" | "lower" },
  production: { metrics: Record<string, unknown> } | null,
): VersionMetricRow[] {
  const keys = Object.keys(metrics).sort((a, b) => {
    if (a === model.primaryMetric) return -1;
    if (b === model.primaryMetric) return 1;
    return a.localeCompare(b);
  });
  return keys.map((key) => {
    const value = metricValue(metrics, key);
    const direction = metricDirection(key, model);
    const other = production ? metricValue(production.metrics, key) : null;
    let verdict: VersionMetricRow["verdict"] = null;
    if (value !== null && other !== null) {
      verdict = value === other ? "same" : value > other === (direction === "higher") ? "better" : "worse";
    }
    return { key, value, primary: key === model.primaryMetric, direction, production: other, verdict };
  });
}

// Words carry the meaning; colour only repeats it.
const VERDICT = {
  better: { text: "better", className: "text-success" },
  worse: { text: "worse", className: "text-destructive" },
  same: { text: "same", className: "text-muted-foreground" },
} as const;

/** Final metric values, primary metric first, beside what production runs when that is another version. */
export function VersionMetrics({ page }: { page: VersionPageDto }) {
  const other = page.production && page.production.version !== page.version.version ? page.production : null;
  const rows = versionMetricRows(page.version.metrics, page.model, other);
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>Metrics</CardTitle>
        <CardDescription>
          {other
            ? `Final values, against v${other.version} which runs in production now.`
            : page.production
              ? "Final values. This version runs in production."
              : "Final values."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <p className="text-muted-foreground text-sm">This version logged no metrics.</p>
        ) : (
          <Table caption={`Metrics of v${page.version.version}`} data-testid="version-metrics">
            <TableHeader>
              <TableRow>
                <TableHead>Metric</TableHead>
                <TableHead className="text-right">Value</TableHead>
                {other ? (
                  <>
                    <TableHead className="text-right">Production (v{other.version})</TableHead>
                    <TableHead>Against production</TableHead>
                  </>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => {
                const look = row.verdict ? VERDICT[row.verdict] : null;
                return (
                  <TableRow key={row.key} data-testid={`metric-${row.key}`}>
                    <TableHead scope="row" className="font-mono text-foreground">
                      {row.key}
                      {row.primary ? (
                        <span className="ml-2 font-sans text-muted-foreground text-xs">
                          primary, {row.direction} is better
                        </span>
                      ) : null}
                    </TableHead>
                    <TableCell className="text-right font-mono tabular-nums">
                      {row.value === null ? "—" : <span title={String(row.value)}>{row.value}</span>}
                    </TableCell>
                    {other ? (
                      <>
                        <TableCell className="text-right font-mono tabular-nums">
                          {row.production === null ? "—" : formatMetricValue(row.production)}
                        </TableCell>
                        <TableCell className={look?.className}>
                          {look ? (
                            <span className="text-xs">{look.text}</span>
                          ) : (
                            <span className="text-muted-foreground">—</span>
                          )}
                        </TableCell>
                      </>
                    ) : null}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
