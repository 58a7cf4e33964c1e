import type { Metadata } from "next";
import { Suspense } from "react";
import { can } from "@/lib/auth/actor";
import { requirePageActor } from "@/lib/auth/require";
import { dashboardScope } from "@/lib/overview/scope";
import {
  ActivityWidget,
  DeploymentMatrixWidget,
  DoraWidget,
  HealthWidget,
  LatestRunsWidget,
  RunActivityWidget,
} from "./_components/overview-widgets";
import { HealthSkeleton, WidgetSkeleton } from "./_components/widget-skeleton";

export const metadata: Metadata = { title: "Overview" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OverviewPage({ searchParams }: Props) {
  const actor = await requirePageActor("overview:read");
  const scope = await dashboardScope(actor, await searchParams);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
      <Suspense fallback={<HealthSkeleton />}>
        <HealthWidget scope={scope} />
      </Suspense>
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="min-w-0 space-y-6 xl:col-span-2">
          {can(actor, "runs:read") ? (
            <Suspense fallback={<WidgetSkeleton label="pipeline runs chart" />}>
              <RunActivityWidget scope={scope} />
            </Suspense>
          ) : null}
          {can(actor, "deployments:read") ? (
            <Suspense fallback={<WidgetSkeleton label="deployments" height={160} />}>
              <DeploymentMatrixWidget scope={scope} />
            </Suspense>
          ) : null}
          {can(actor, "deployments:read") ? (
            <Suspense fallback={<WidgetSkeleton label="delivery metrics" height={200} />}>
              <DoraWidget scope={scope} />
            </Suspense>
          ) : null}
          {can(actor, "runs:read") ? (
            <Suspense fallback={<WidgetSkeleton label="latest runs" height={320} />}>
              <LatestRunsWidget scope={scope} />
            </Suspense>
          ) : null}
        </div>
        <Suspense fallback={<WidgetSkeleton label="activity" height={480} />}>
          <ActivityWidget scope={scope} />
        </Suspense>
      </div>
    </div>
  );
}
