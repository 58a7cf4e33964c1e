import { ExternalLink } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BreadcrumbLabel } from "@/components/layout/breadcrumb-labels";
import { PageHeading } from "@/components/lists/page-heading";
import { PROVIDER_LABEL } from "@/components/runs/runs-table";
import { isAppError } from "@/lib/api/errors";
import { requirePageActor } from "@/lib/auth/require";
import { prepareRunTrend, summarizeRunTrend } from "@/lib/charts/prepare-run-trend";
import { dashboardScope } from "@/lib/overview/scope";
import { toJson } from "@/lib/queries/fetch-json";
import { getPipelineTrend } from "@/lib/runs/get-pipeline-trend";
import { listRuns } from "@/lib/runs/list-runs";
import { formatPercent } from "@/lib/utils/format";
import { TIME_RANGE_OPTIONS } from "@/lib/utils/time-range";
import { RunsList } from "../client";
import { parsePipelinesFilters } from "../search-params";
import { PipelineTrendCharts } from "./_components/pipeline-trend-charts";

export const metadata: Metadata = { title: "Pipeline" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ pipelineId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** One pipeline: duration trend and success rate over the header's time range, and its runs in that range. */
export default async function PipelinePage({ params, searchParams }: Props) {
  const actor = await requirePageActor("runs:read");
  const { pipelineId } = await params;
  const query = await searchParams;
  // The project switcher does not narrow a single pipeline; only the range applies here.
  const scope = await dashboardScope(actor, { range: query.range });
  const trend = await getPipelineTrend(scope.ctx, { pipelineId, rangeMs: scope.rangeMs }).catch(
    (error: unknown) => {
      if (isAppError(error) && error.code === "not_found") notFound();
      throw error;
    },
  );
  const filters = {
    ...parsePipelinesFilters({}, null),
    pipeline: trend.pipeline.id,
    range: scope.filters.range,
  };
  const firstPage = await listRuns(scope.ctx, {
    projectIds: [trend.pipeline.projectId],
    pipeline: trend.pipeline.id,
    since: trend.from,
  });
  const points = prepareRunTrend(trend.buckets, trend.bucket, trend.from, trend.to);
  const summary = summarizeRunTrend(trend.buckets);
  const rangeLabel = TIME_RANGE_OPTIONS.find((o) => o.key === scope.filters.range)?.label ?? "";
  const { pipeline } = trend;
  return (
    <div className="space-y-6">
      <BreadcrumbLabel segment={pipelineId} label={pipeline.name} />
      <PageHeading
        title={pipeline.name}
        description={
          <>
            {PROVIDER_LABEL[pipeline.provider]} · {pipeline.kind} · {pipeline.projectName}
            {pipeline.repository ? ` · ${pipeline.repository}` : ""}
            {pipeline.url ? (
              <>
                {" · "}
                <a
                  href={pipeline.url}
                  target="_blank"
                  rel="noreferrer"
                  className="inline-flex items-center gap-1 hover:underline"
                >
                  Open at the provider <ExternalLink aria-hidden="true" className="size-3" />
                </a>
              </>
            ) : null}
          </>
        }
      >
        <p className="text-sm" data-testid="pipeline-summary">
          {rangeLabel}: {summary.runs} runs, {formatPercent(summary.successRate)} succeeded.{" "}
          <Link href="/pipelines" className="text-muted-foreground hover:underline">
            All pipelines
          </Link>
        </p>
      </PageHeading>
      <PipelineTrendCharts points={points} rangeLabel={rangeLabel} />
      <RunsList filters={filters} initial={toJson(firstPage)} />
    </div>
  );
}
