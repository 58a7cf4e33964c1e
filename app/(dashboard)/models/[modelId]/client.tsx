"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowDown, ArrowLeft, ArrowUp, Boxes, ChartLine } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { ChartLineMetricByVersion } from "@/components/charts/chart-line-metric-by-version";
import { useSearchParamUpdater, withShellParams } from "@/components/layout/use-search-param-updater";
import { CompareBar, MAX_COMPARED } from "@/components/models/compare-bar";
import { ModelVersionsTable } from "@/components/models/model-versions-table";
import { Badge } from "@/components/ui/badge";
import { ChartFrame } from "@/components/ui/chart-frame";
import { EmptyState } from "@/components/ui/empty-state";
import { NativeSelect } from "@/components/ui/native-select";
import { metricDirection, prepareMetricByVersion } from "@/lib/charts/prepare-metric-by-version";
import {
  metricColumns,
  nextVersionSort,
  parseVersionSort,
  sortVersions,
} from "@/lib/charts/prepare-model-versions-table";
import { type ModelDetailDto, modelQueries } from "@/lib/queries/models";

export type ModelDetailClientProps = { initial: ModelDetailDto };

function Heading({ model }: { model: ModelDetailDto }) {
  const Arrow = model.primaryMetricDirection === "higher" ? ArrowUp : ArrowDown;
  const tags = Object.entries(model.tags);
  return (
    <div className="space-y-2">
      <h1 className="font-semibold text-2xl tracking-tight">{model.name}</h1>
      {model.description ? <p className="text-muted-foreground text-sm">{model.description}</p> : null}
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div className="flex gap-1.5">
          <dt className="text-muted-foreground">Project</dt>
          <dd>{model.project.name}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-muted-foreground">Judged by</dt>
          <dd className="inline-flex items-center gap-1 font-mono text-xs">
            {model.primaryMetric ?? "—"}
            {model.primaryMetric ? (
              <>
                <Arrow aria-hidden="true" className="size-3 text-muted-foreground" />
                <span className="sr-only">({model.primaryMetricDirection} is better)</span>
              </>
            ) : null}
          </dd>
        </div>
        {model.owner ? (
          <div className="flex gap-1.5">
            <dt className="text-muted-foreground">Owner</dt>
            <dd>{model.owner}</dd>
          </div>
        ) : null}
        <div className="flex gap-1.5">
          <dt className="text-muted-foreground">Versions</dt>
          <dd className="tabular-nums">{model.versionCount}</dd>
        </div>
      </dl>
      {tags.length > 0 || model.aliases.length > 0 ? (
        <div className="flex flex-wrap gap-1.5">
          {model.aliases.map((a) => (
            <Badge key={a.alias} variant={a.alias === "champion" ? "success" : "info"}>
              {a.alias} → v{a.version}
            </Badge>
          ))}
          {tags.map(([key, value]) => (
            <Badge key={key} variant="outline" className="font-mono">
              {key}: {value}
            </Badge>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** The model page: heading, a chosen metric across versions, and the sortable versions table. */
export function ModelDetailClient({ initial }: ModelDetailClientProps) {
  const { data: model } = useQuery({ ...modelQueries.detail(initial.id), initialData: initial });
  const searchParams = useSearchParams();
  const updateParams = useSearchParamUpdater();
  const selectId = useId();
  const columns = useMemo(() => metricColumns(model.versions, model.primaryMetric), [model]);
  const sort = parseVersionSort(searchParams.get("sort"), searchParams.get("dir"), columns);
  const sorted = sortVersions(model.versions, sort);
  const [chosen, setChosen] = useState<string | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const togglePicked = (version: number) =>
    setPicked((now) =>
      now.includes(version)
        ? now.filter((v) => v !== version)
        : now.length < MAX_COMPARED
          ? [...now, version]
          : now,
    );
  const metric = chosen && columns.includes(chosen) ? chosen : (columns[0] ?? null);
  const prepared = metric
    ? prepareMetricByVersion(model.versions, metric, metricDirection(metric, model))
    : null;

  function onSort(key: string) {
    const next = nextVersionSort(sort, key);
    updateParams({ sort: next.key, dir: next.dir });
  }

  return (
    <div className="space-y-6">
      <Link
        href={withShellParams("/models", searchParams)}
        className="inline-flex w-fit items-center gap-1 text-muted-foreground text-sm hover:text-foreground"
      >
        <ArrowLeft className="size-4" aria-hidden="true" />
        All models
      </Link>
      <Heading model={model} />
      {model.versions.length === 0 ? (
        <EmptyState
          icon={Boxes}
          title="No versions yet"
          description="Versions appear here once a training pipeline registers one with POST /api/v1/models/{id}/versions."
        />
      ) : (
        <>
          <ChartFrame
            title={metric ? `${metric} across versions` : "Metrics across versions"}
            description={
              prepared
                ? `${prepared.direction === "higher" ? "Higher" : "Lower"} is better; the best version is ringed. Gaps are versions that did not log it.`
                : undefined
            }
            ariaLabel={metric ? `${metric} by model version` : "Metric by model version"}
            height={260}
            empty={!prepared}
            emptyIcon={ChartLine}
            emptyTitle="No metric logged"
            emptyDescription="None of the versions logged a numeric value for this metric."
            summary={prepared?.summary}
            toolbar={
              columns.length > 1 ? (
                <div className="flex items-center gap-2">
                  <label htmlFor={selectId} className="text-muted-foreground text-sm">
                    Metric
                  </label>
                  <NativeSelect
                    id={selectId}
                    value={metric ?? ""}
                    onChange={(event) => setChosen(event.target.value)}
                    className="w-44"
                  >
                    {columns.map((key) => (
                      <option key={key} value={key}>
                        {key}
                      </option>
                    ))}
                  </NativeSelect>
                </div>
              ) : null
            }
          >
            {prepared ? <ChartLineMetricByVersion prepared={prepared} /> : null}
          </ChartFrame>
          <section aria-label="Versions" className="space-y-2">
            <CompareBar modelId={model.id} picked={picked} onClear={() => setPicked([])} />
            <div className="rounded-lg border">
              <ModelVersionsTable
                versions={sorted}
                metricColumns={columns}
                sort={sort}
                onSort={onSort}
                selected={picked}
                onToggle={togglePicked}
                selectionFull={picked.length >= MAX_COMPARED}
              />
            </div>
            {model.versionCount > model.versions.length ? (
              <p className="text-muted-foreground text-xs">
                Showing the newest {model.versions.length} of {model.versionCount} versions.
              </p>
            ) : null}
          </section>
        </>
      )}
    </div>
  );
}
