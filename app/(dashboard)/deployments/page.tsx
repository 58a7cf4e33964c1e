import type { Metadata } from "next";
import { cache, Suspense } from "react";
import { BoardTimePicker } from "@/components/deployments/board-time-picker";
import { DeploymentBoardView } from "@/components/deployments/deployment-board";
import { ListSkeleton } from "@/components/lists/list-skeleton";
import { PageHeading } from "@/components/lists/page-heading";
import { can } from "@/lib/auth/actor";
import { requirePageActor } from "@/lib/auth/require";
import { getDeploymentBoard } from "@/lib/deployments/get-deployment-board";
import { listDeployments } from "@/lib/deployments/list-deployments";
import { dashboardScope } from "@/lib/overview/scope";
import { toJson } from "@/lib/queries/fetch-json";
import { requestPromotionAction, requestRollbackAction } from "../approvals/request-actions";
import { DeploymentFilters } from "./_components/deployment-filters";
import { DeploymentHistory } from "./client";
import { type DeploymentsFilters, parseBoardAt, parseDeploymentsFilters } from "./search-params";

export const metadata: Metadata = { title: "Deployments" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Scope = Awaited<ReturnType<typeof dashboardScope>>;

// The board also names the environments the filter offers; one read serves both per request.
const loadBoard = cache((scope: Scope, at: Date | null) =>
  getDeploymentBoard(scope.ctx, { projectIds: scope.projectIds, at }),
);

async function BoardWidget({ scope, at }: { scope: Scope; at: Date | null }) {
  const board = await loadBoard(scope, at);
  const actor = scope.ctx.actor;
  return (
    <DeploymentBoardView
      board={toJson(board)}
      actions={{
        canRequest: can(actor, "promotions:request"),
        canDeclareEmergency: can(actor, "gates:write"),
        requestPromotion: requestPromotionAction,
        requestRollback: requestRollbackAction,
      }}
    />
  );
}

async function FiltersWidget({ scope, at }: { scope: Scope; at: Date | null }) {
  const { projects } = await loadBoard(scope, at);
  const environments = new Map<string, string>();
  for (const cell of projects.flatMap((p) => p.environments)) {
    if (!environments.has(cell.slug)) environments.set(cell.slug, cell.name);
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
  const at = parseBoardAt(params);
  return (
    <div className="space-y-6">
      <PageHeading
        title="Deployments"
        description="What runs in each environment now (or at any moment), and every release and model version that went there."
      />
      <section aria-label="Board time" className="flex flex-wrap items-end gap-3">
        <BoardTimePicker key={at?.toISOString() ?? "now"} at={at?.toISOString() ?? null} />
      </section>
      <Suspense
        key={at?.toISOString() ?? "now"}
        fallback={<ListSkeleton label="deployment board" rows={3} />}
      >
        <BoardWidget scope={scope} at={at} />
      </Suspense>
      <section aria-label="Deployment history filters" className="flex flex-wrap items-end gap-3">
        <Suspense fallback={null}>
          <FiltersWidget scope={scope} at={at} />
        </Suspense>
      </section>
      <Suspense key={JSON.stringify(filters)} fallback={<ListSkeleton label="deployment history" />}>
        <HistoryWidget scope={scope} filters={filters} />
      </Suspense>
    </div>
  );
}
