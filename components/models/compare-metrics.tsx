"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import type { ComparisonDto } from "@/app/(dashboard)/models/[modelId]/compare/client";
import { ChartBarVersionsCompare } from "@/components/charts/chart-bar-versions-compare";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/utils/cn";

const num = (v: number) => String(Number(v.toPrecision(4)));
const signed = (v: number) => `${v > 0 ? "+" : ""}${num(v)}`;

/** A card per metric: bars per version (best ★), and each version's delta to the baseline. */
export function CompareMetrics({ comparison: c }: { comparison: ComparisonDto }) {
  if (c.metrics.length === 0) return null;
  return (
    <section aria-labelledby="compare-metrics" className="space-y-3">
      <h2 id="compare-metrics" className="font-semibold text-lg">
        Metrics
      </h2>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {c.metrics.map((m) => {
          const Arrow = m.direction === "higher" ? ArrowUp : ArrowDown;
          return (
            <Card key={m.key} data-testid="compare-metric">
              <CardHeader>
                <CardTitle as="h3" className="font-mono">
                  {m.key}
                </CardTitle>
                <CardDescription className="inline-flex items-center gap-1">
                  <Arrow aria-hidden="true" className="size-3" /> {m.direction} is better
                </CardDescription>
              </CardHeader>
              <CardContent>
                <figure aria-label={`${m.key} per version`} className="m-0 h-40">
                  <ChartBarVersionsCompare
                    bars={m.cells.map((cell, index) => ({
                      label: `v${cell.version}`,
                      value: cell.value,
                      best: cell.best,
                      baseline: cell.version === c.baseline.version,
                      index,
                    }))}
                  />
                </figure>
                <table className="mt-3 w-full text-xs">
                  <caption className="sr-only">
                    {m.key}: value and delta to baseline v{c.baseline.version}
                  </caption>
                  <thead>
                    <tr className="text-muted-foreground">
                      <th scope="col" className="text-left font-normal">
                        Version
                      </th>
                      <th scope="col" className="text-right font-normal">
                        Value
                      </th>
                      <th scope="col" className="text-right font-normal">
                        Δ to v{c.baseline.version}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {m.cells.map((cell) => (
                      <tr key={cell.version} data-best={cell.best || undefined}>
                        <th scope="row" className="text-left font-normal">
                          v{cell.version}
                          {cell.best ? (
                            <span className="ml-1" title="Best">
                              ★
                            </span>
                          ) : null}
                          {cell.version === c.baseline.version ? (
                            <span className="ml-1 text-muted-foreground">(baseline)</span>
                          ) : null}
                        </th>
                        <td className="text-right font-mono">
                          {cell.value === null ? "—" : num(cell.value)}
                        </td>
                        <td
                          className={cn(
                            "text-right font-mono",
                            cell.better === true && "text-emerald-700 dark:text-emerald-400",
                            cell.better === false && "text-red-700 dark:text-red-400",
                          )}
                        >
                          {cell.delta === null || cell.version === c.baseline.version
                            ? "—"
                            : `${signed(cell.delta)}${cell.relative === null ? "" : ` (${signed(cell.relative * 100)}%)`}`}
                          {cell.better === true ? <span className="sr-only"> better</span> : null}
                          {cell.better === false ? <span className="sr-only"> worse</span> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </CardContent>
            </Card>
          );
        })}
      </div>
    </section>
  );
}
