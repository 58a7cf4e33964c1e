import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeading } from "@/components/lists/page-heading";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageActor } from "@/lib/auth/require";
import { dashboardScope } from "@/lib/overview/scope";
import { ChartsWidget } from "../../_components/monitoring-widgets";

export const metadata: Metadata = { title: "Service health" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ service: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Every series labelled `service=<service>`, with deployments and alert thresholds. */
export default async function ServiceMonitoringPage({ params, searchParams }: Props) {
  const actor = await requirePageActor("monitoring:read");
  const { service } = await params;
  const name = decodeURIComponent(service);
  const query = await searchParams;
  const scope = await dashboardScope(actor, query);
  return (
    <div className="space-y-6">
      <PageHeading title={`Service ${name}`} description="Health charts for this service's series." />
      <Suspense fallback={<Skeleton className="h-72 w-full" />}>
        <ChartsWidget
          ctx={scope.ctx}
          scope={{ projectIds: scope.projectIds, service: name }}
          params={query}
        />
      </Suspense>
    </div>
  );
}
