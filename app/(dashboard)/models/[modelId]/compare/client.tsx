"use client";

import { ArrowLeft, Download } from "lucide-react";
import Link from "next/link";
import { useId } from "react";
import { useSearchParamUpdater } from "@/components/layout/use-search-param-updater";
import { CompareDiffTable } from "@/components/models/compare-diff-table";
import { CompareHistory } from "@/components/models/compare-history";
import { CompareLineage } from "@/components/models/compare-lineage";
import { CompareMetrics } from "@/components/models/compare-metrics";
import { CompareParallel } from "@/components/models/compare-parallel";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { NativeSelect } from "@/components/ui/native-select";
import type { VersionComparison } from "@/lib/models/compare/compare-versions";
import type { Jsonify } from "@/lib/queries/fetch-json";

export type ComparisonDto = Jsonify<VersionComparison>;

const REASONS = {
  requested: "chosen",
  production: "runs in production",
  champion: "holds champion",
  first: "first picked",
} as const;

export function CompareClient({
  comparison,
  modelId,
  problem,
}: {
  comparison: ComparisonDto | null;
  modelId?: string;
  problem?: string;
}) {
  const update = useSearchParamUpdater();
  const baselineId = useId();
  if (!comparison) {
    return (
      <div className="space-y-4">
        <Link
          href={`/models/${modelId}`}
          className="inline-flex items-center gap-1 text-sm underline-offset-4 hover:underline"
        >
          <ArrowLeft aria-hidden="true" className="size-4" /> Back to the model
        </Link>
        <EmptyState
          title="Pick 2 to 10 versions to compare"
          description={problem ?? "Tick versions on the model page, then Compare."}
        />
      </div>
    );
  }
  const c = comparison;
  const numbers = c.versions.map((v) => v.version);
  const csvHref = `/api/v1/models/${c.model.id}/compare?versions=${numbers.join(",")}&baseline=${c.baseline.version}&format=csv`;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Link
          href={`/models/${c.model.id}`}
          className="inline-flex items-center gap-1 text-muted-foreground text-sm underline-offset-4 hover:underline"
        >
          <ArrowLeft aria-hidden="true" className="size-4" /> {c.model.name}
        </Link>
        <div className="flex flex-wrap items-end justify-between gap-4">
          <h1 className="font-semibold text-2xl tracking-tight">
            Compare {numbers.map((n) => `v${n}`).join(", ")}
          </h1>
          <div className="flex flex-wrap items-end gap-3">
            <div className="flex flex-col gap-1">
              <label htmlFor={baselineId} className="text-muted-foreground text-xs">
                Baseline ({REASONS[c.baseline.reason]})
              </label>
              <NativeSelect
                id={baselineId}
                value={String(c.baseline.version)}
                onChange={(e) => update({ baseline: e.target.value })}
              >
                {numbers.map((n) => (
                  <option key={n} value={n}>
                    v{n}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <Button asChild variant="outline">
              <a href={csvHref} download>
                <Download aria-hidden="true" className="size-4" /> Export CSV
              </a>
            </Button>
          </div>
        </div>
      </div>
      <CompareMetrics comparison={c} />
      <CompareHistory comparison={c} />
      <CompareParallel comparison={c} />
      <div className="grid gap-6 lg:grid-cols-2">
        <CompareDiffTable title="Params" rows={c.params} versions={numbers} />
        <CompareDiffTable title="Tags" rows={c.tags} versions={numbers} />
      </div>
      <CompareLineage comparison={c} />
    </div>
  );
}
