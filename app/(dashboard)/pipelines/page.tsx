import type { Metadata } from "next";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/lists/list-skeleton";
import { PageHeading } from "@/components/lists/page-heading";
import { requirePageActor } from "@/lib/auth/require";
import { dashboardScope } from "@/lib/overview/scope";
import { toJson } from "@/lib/queries/fetch-json";
import { listPipelineOptions } from "@/lib/runs/list-pipeline-options";
import { listRuns } from "@/lib/runs/list-runs";
import { sinceOfRange } from "@/lib/runs/list-runs-query";
import { RunFilters } from "./_components/run-filters";
import { RunsList } from "./client";
import { type PipelinesFilters, parsePipelinesFilters } from "./search-params";

export const metadata: Metadata = { title: "Pipelines" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Scope = Awaited<ReturnType<typeof dashboardScope>>;

async function RunsWidget({ scope, filters }: { scope: Scope; filters: PipelinesFilters }) {
  const page = await listRuns(scope.ctx, {
    projectIds: scope.projectIds,
    status: filters.status ?? undefined,
    provider: filters.provider ?? undefined,
    pipeline: filters.pipeline ?? undefined,
    branch: filters.branch ?? undefined,
    kind: filters.kind ?? undefined,
    actor: filters.actor ?? undefined,
    since: sinceOfRange(filters.range as Parameters<typeof sinceOfRange>[0]),
  });
  return <RunsList filters={filters} initial={toJson(page)} />;
}

export default async function PipelinesPage({ searchParams }: Props) {
  const actor = await requirePageActor("runs:read");
  const params = await searchParams;
  const scope = await dashboardScope(actor, params);
  const filters = parsePipelinesFilters(params, scope.filters.project);
  const pipelineOptions = await listPipelineOptions(scope.ctx, { projectIds: scope.projectIds });
  return (
    <div className="space-y-6">
      <PageHeading
        title="Pipelines"
        description="Every pipeline run across GitHub Actions, GitLab CI, Azure DevOps and the REST API, newest first."
      >
        <RunFilters pipelines={pipelineOptions} />
      </PageHeading>
      {/* Keyed by the filters so a new filter shows the skeleton instead of the old rows. */}
      <Suspense key={JSON.stringify(filters)} fallback={<ListSkeleton label="pipeline runs" />}>
        <RunsWidget scope={scope} filters={filters} />
      </Suspense>
    </div>
  );
}
