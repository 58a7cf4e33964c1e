"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ArrowDown, ArrowLeft, ArrowUp, Boxes, ChartLine } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { ChartLineMetricByVersion } from "@/components/charts/chart-line-metric-by-version";
import { useSearchParamUpdater, withShellParams } from "@/components/layout/use-search-param-updater";
import { CompareBar, MAX_COMPARED } from "@/components/models/compare-bar";
import { ModelVersionsTable } from "@/components/models/model-versions-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ChartFrame } from "@/components/ui/chart-frame";
import { EmptyState } from "@/components/ui/empty-state";
import { NativeSelect } from "@/components/ui/native-select";
import { metricDirection, prepareMetricByVersion } from "@/lib/charts/prepare-metric-by-version";
import { nextVersionSort, parseVersionSort } from "@/lib/charts/prepare-model-versions-table";
import { MODEL_CHART_VERSIONS } from "@/lib/models/get-model-input";
import { type ModelDetailDto, modelQueries } from "@/lib/queries/models";
import { modelViewFromParams } from "./view";

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

/** "Showing 51–100 of 1,000 versions" with previous and next; the page number lives in the URL. */
function VersionsPager({
  from,
  to,
  total,
  onPrevious,
  onNext,
}: {
  from: number;
  to: number;
  total: number;
  onPrevious: (() => void) | null;
  onNext: (() => void) | null;
}) {
  if (!onPrevious && !onNext) return null;
  return (
    <nav aria-label="Versions pages" className="flex items-center justify-between gap-2">
      <p className="text-muted-foreground text-xs tabular-nums" aria-live="polite">
        Showing {from.toLocaleString("en")}–{to.toLocaleString("en")} of {total.toLocaleString("en")} versions
      </p>
      <div className="flex gap-2">
        <Button variant="outline" size="sm" disabled={!onPrevious} onClick={onPrevious ?? undefined}>
          Previous
        </Button>
        <Button
          variant="outline"
          size="sm"
          disabled={!onNext}
          onClick={onNext ?? undefined}
          data-testid="versions-next"
        >
          Next
        </Button>
      </div>
    </nav>
  );
}

/** The model page: heading, a chosen metric across versions, and a sortable, paged versions table. */
export function ModelDetailClient({ initial }: ModelDetailClientProps) {
  const searchParams = useSearchParams();
  const view = modelViewFromParams(searchParams);
  // The server renders each URL with its own data; refetches keep the same view.
  const { data: model } = useQuery({
    ...modelQueries.detail(initial.id, view),
    initialData: initial,
    placeholderData: keepPreviousData,
  });
  const updateParams = useSearchParamUpdater();
  const selectId = useId();
  const columns = model.metricColumns;
  const sort = parseVersionSort(model.versionsPage.sort, model.versionsPage.dir, columns);
  const [picked, setPicked] = useState<number[]>([]);
  const togglePicked = (version: number) =>
    setPicked((now) =>
      now.includes(version)
        ? now.filter((v) => v !== version)
        : now.length < MAX_COMPARED
          ? [...now, version]
          : now,
    );
  const series = model.metricSeries;
  const metric = series?.metric ?? null;
  const prepared = useMemo(
    () =>
      series
        ? prepareMetricByVersion(
            series.points.map((p) => ({ version: p.version, metrics: { [series.metric]: p.value } })),
            series.metric,
            metricDirection(series.metric, model),
          )
        : null,
    [series, model],
  );
  const { offset, limit } = model.versionsPage;
  const page = Math.floor(offset / limit) + 1;

  function onSort(key: string) {
    const next = nextVersionSort(sort, key);
    updateParams({ sort: next.key, dir: next.dir, page: null });
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
      {model.versionCount === 0 ? (
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
                ? `${prepared.direction === "higher" ? "Higher" : "Lower"} is better; the best version is ringed. Gaps are versions that did not log it.${model.versionCount > MODEL_CHART_VERSIONS ? ` The newest ${MODEL_CHART_VERSIONS.toLocaleString("en")} versions.` : ""}`
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
                    onChange={(event) => updateParams({ metric: event.target.value })}
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
                versions={model.versions}
                metricColumns={columns}
                sort={sort}
                onSort={onSort}
                selected={picked}
                onToggle={togglePicked}
                selectionFull={picked.length >= MAX_COMPARED}
                modelId={model.id}
              />
            </div>
            <VersionsPager
              from={model.versions.length > 0 ? offset + 1 : 0}
              to={offset + model.versions.length}
              total={model.versionCount}
              onPrevious={page > 1 ? () => updateParams({ page: page > 2 ? String(page - 1) : null }) : null}
              onNext={
                offset + limit < model.versionCount ? () => updateParams({ page: String(page + 1) }) : null
              }
            />
          </section>
        </>
      )}
    </div>
  );
}
