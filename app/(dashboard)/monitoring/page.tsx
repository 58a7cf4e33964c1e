import type { Metadata } from "next";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/lists/list-skeleton";
import { PageHeading } from "@/components/lists/page-heading";
import { requirePageActor } from "@/lib/auth/require";
import { listAlerts } from "@/lib/monitoring/list-alerts";
import { dashboardScope } from "@/lib/overview/scope";
import { toJson } from "@/lib/queries/fetch-json";
import { AlertFilters } from "./_components/alert-filters";
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
    <div className="space-y-6">
      <PageHeading
        title="Monitoring"
        description="Alerts on service and model health: firing first, then pending, then those resolved in the selected time range."
        note="Health charts beside the deployments that changed them arrive with the monitoring work."
      >
        <AlertFilters />
      </PageHeading>
      <Suspense key={JSON.stringify(filters)} fallback={<ListSkeleton label="alerts" />}>
        <AlertsWidget scope={scope} filters={filters} />
      </Suspense>
    </div>
  );
}
