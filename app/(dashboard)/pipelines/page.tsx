import type { Metadata } from "next";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/lists/list-skeleton";
import { PageHeading } from "@/components/lists/page-heading";
import { requirePageActor } from "@/lib/auth/require";
import { dashboardScope } from "@/lib/overview/scope";
import { toJson } from "@/lib/queries/fetch-json";
import { listRuns } from "@/lib/runs/list-runs";
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
  });
  return <RunsList filters={filters} initial={toJson(page)} />;
}

export default async function PipelinesPage({ searchParams }: Props) {
  const actor = await requirePageActor("runs:read");
  const params = await searchParams;
  const scope = await dashboardScope(actor, params);
  const filters = parsePipelinesFilters(params, scope.filters.project);
  return (
    <div className="space-y-6">
      <PageHeading
        title="Pipelines"
        description="Every pipeline run across GitHub Actions, GitLab CI, Azure DevOps and the REST API, newest first."
        note="Per-run detail pages (jobs, logs, timings) arrive with the CI providers work; run links open at the provider."
      >
        <RunFilters />
      </PageHeading>
      {/* Keyed by the filters so a new filter shows the skeleton instead of the old rows. */}
      <Suspense key={JSON.stringify(filters)} fallback={<ListSkeleton label="pipeline runs" />}>
        <RunsWidget scope={scope} filters={filters} />
      </Suspense>
    </div>
  );
}
