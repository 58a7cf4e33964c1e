import { DoraPanel } from "@/components/monitoring/dora-panel";
import { ActivityFeed } from "@/components/overview/activity-feed";
import { DeploymentMatrix } from "@/components/overview/deployment-matrix";
import { HealthCards } from "@/components/overview/health-cards";
import { LatestRuns } from "@/components/overview/latest-runs";
import { RunActivityPanel } from "@/components/overview/run-activity-panel";
import { listActivity } from "@/lib/audit/list-activity";
import { getDeploymentMatrix } from "@/lib/deployments/get-deployment-matrix";
import { getDoraMetrics } from "@/lib/dora/get-dora-metrics";
import { getOverviewHealth } from "@/lib/overview/get-overview-health";
import { getRunActivity } from "@/lib/overview/get-run-activity";
import type { dashboardScope } from "@/lib/overview/scope";
import { toJson } from "@/lib/queries/fetch-json";
import { listRuns } from "@/lib/runs/list-runs";

type Scope = Awaited<ReturnType<typeof dashboardScope>>;

// Each widget reads its own data on the server for first paint, inside its own Suspense
// boundary, and hands it to a client component that keeps it fresh under the same key.

export async function HealthWidget({ scope }: { scope: Scope }) {
  const data = await getOverviewHealth(scope.ctx, { projectIds: scope.projectIds, rangeMs: scope.rangeMs });
  return <HealthCards filters={scope.filters} initial={toJson(data)} />;
}

export async function RunActivityWidget({ scope }: { scope: Scope }) {
  const data = await getRunActivity(scope.ctx, { projectIds: scope.projectIds, rangeMs: scope.rangeMs });
  return <RunActivityPanel filters={scope.filters} initial={toJson(data)} />;
}

export async function LatestRunsWidget({ scope }: { scope: Scope }) {
  const data = await listRuns(scope.ctx, { projectIds: scope.projectIds, limit: 10 });
  return <LatestRuns filters={scope.filters} initial={toJson(data)} />;
}

export async function DeploymentMatrixWidget({ scope }: { scope: Scope }) {
  const data = await getDeploymentMatrix(scope.ctx, { projectIds: scope.projectIds });
  return <DeploymentMatrix filters={scope.filters} initial={toJson(data)} />;
}

export async function ActivityWidget({ scope }: { scope: Scope }) {
  const data = await listActivity(scope.ctx, { projectIds: scope.projectIds });
  return <ActivityFeed filters={scope.filters} initial={toJson(data)} />;
}

/** DORA over the range, at least four weeks so the weekly trend has a shape (two queries). */
export async function DoraWidget({ scope }: { scope: Scope }) {
  const rangeMs = Math.max(scope.rangeMs, 28 * 86_400_000);
  const data = await getDoraMetrics(scope.ctx, { projectIds: scope.projectIds, rangeMs });
  return <DoraPanel report={toJson(data)} />;
}
