import type { Metadata } from "next";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/lists/list-skeleton";
import { PageHeading } from "@/components/lists/page-heading";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageActor } from "@/lib/auth/require";
import { listAlerts } from "@/lib/monitoring/list-alerts";
import { dashboardScope } from "@/lib/overview/scope";
import { toJson } from "@/lib/queries/fetch-json";
import { AlertFilters } from "./_components/alert-filters";
import { ChartsWidget, DoraWidget } from "./_components/monitoring-widgets";
import { AlertsList } from "./client";
import { type MonitoringFilters, parseMonitoringFilters } from "./search-params";

export const metadata: Metadata = { title: "Monitoring" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Scope = Awaited<ReturnType<typeof dashboardScope>>;

async function AlertsWidget({ scope, filters }: { scope: Scope; filters: MonitoringFilters }) {
  const page = await listAlerts(scope.ctx, {
    projectIds: scope.projectIds,
    state: filters.state ?? undefined,
    severity: filters.severity ?? undefined,
    ruleId: filters.ruleId ?? undefined,
    resolvedWithinMs: scope.rangeMs,
  });
  return <AlertsList filters={filters} initial={toJson(page)} />;
}

export default async function MonitoringPage({ searchParams }: Props) {
  const actor = await requirePageActor("monitoring:read");
  const params = await searchParams;
  const scope = await dashboardScope(actor, params);
  const filters = parseMonitoringFilters(params, scope.filters);
  return (
    <div className="space-y-8">
      <PageHeading
        title="Monitoring"
        description="Service and model health beside the deployments that changed it, delivery metrics, and alerts: firing first, then pending, then those resolved in the selected time range."
      >
        <AlertFilters />
      </PageHeading>
      <Suspense key={JSON.stringify(filters)} fallback={<ListSkeleton label="alerts" />}>
        <AlertsWidget scope={scope} filters={filters} />
      </Suspense>
      <Suspense fallback={<Skeleton className="h-72 w-full" />}>
        <ChartsWidget ctx={scope.ctx} scope={{ projectIds: scope.projectIds }} params={params} />
      </Suspense>
      <Suspense fallback={<Skeleton className="h-40 w-full" />}>
        <DoraWidget ctx={scope.ctx} projectIds={scope.projectIds} rangeMs={scope.rangeMs} />
      </Suspense>
    </div>
  );
}
