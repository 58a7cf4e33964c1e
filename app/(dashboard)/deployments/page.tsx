import type { Metadata } from "next";
import { cache, Suspense } from "react";
import { ListSkeleton } from "@/components/lists/list-skeleton";
import { PageHeading } from "@/components/lists/page-heading";
import { DeploymentMatrix } from "@/components/overview/deployment-matrix";
import { requirePageActor } from "@/lib/auth/require";
import { getDeploymentMatrix } from "@/lib/deployments/get-deployment-matrix";
import { listDeployments } from "@/lib/deployments/list-deployments";
import { dashboardScope } from "@/lib/overview/scope";
import { toJson } from "@/lib/queries/fetch-json";
import { DeploymentFilters } from "./_components/deployment-filters";
import { DeploymentHistory } from "./client";
import { type DeploymentsFilters, parseDeploymentsFilters } from "./search-params";

export const metadata: Metadata = { title: "Deployments" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Scope = Awaited<ReturnType<typeof dashboardScope>>;

// The matrix also names the environments the filter offers; one read serves both per request.
const loadMatrix = cache((scope: Scope) => getDeploymentMatrix(scope.ctx, { projectIds: scope.projectIds }));

async function MatrixWidget({ scope }: { scope: Scope }) {
  const data = await loadMatrix(scope);
  return <DeploymentMatrix filters={scope.filters} initial={toJson(data)} />;
}

async function FiltersWidget({ scope }: { scope: Scope }) {
  const { rows } = await loadMatrix(scope);
  const environments = new Map<string, string>();
  for (const cell of rows.flatMap((row) => row.cells)) {
    if (!environments.has(cell.environmentSlug)) environments.set(cell.environmentSlug, cell.environmentName);
  }
  return <DeploymentFilters environments={[...environments].map(([value, label]) => ({ value, label }))} />;
}

async function HistoryWidget({ scope, filters }: { scope: Scope; filters: DeploymentsFilters }) {
  const page = await listDeployments(scope.ctx, {
    projectIds: scope.projectIds,
    environment: filters.environment ?? undefined,
    status: filters.status ?? undefined,
  });
  return <DeploymentHistory filters={filters} initial={toJson(page)} />;
}

export default async function DeploymentsPage({ searchParams }: Props) {
  const actor = await requirePageActor("deployments:read");
  const params = await searchParams;
  const scope = await dashboardScope(actor, params);
  const filters = parseDeploymentsFilters(params, scope.filters.project);
  return (
    <div className="space-y-6">
      <PageHeading
        title="Deployments"
        description="What runs in each environment now, and every release and model version that went there."
      />
      <Suspense fallback={<ListSkeleton label="deployment matrix" rows={3} />}>
        <MatrixWidget scope={scope} />
      </Suspense>
      <section aria-label="Deployment history filters" className="flex flex-wrap items-end gap-3">
        <Suspense fallback={null}>
          <FiltersWidget scope={scope} />
        </Suspense>
      </section>
      <Suspense key={JSON.stringify(filters)} fallback={<ListSkeleton label="deployment history" />}>
        <HistoryWidget scope={scope} filters={filters} />
      </Suspense>
    </div>
  );
}
