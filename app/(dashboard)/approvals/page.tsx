import type { Metadata } from "next";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/lists/list-skeleton";
import { PageHeading } from "@/components/lists/page-heading";
import { requirePageActor } from "@/lib/auth/require";
import { listPromotionRequests } from "@/lib/gates/list-promotion-requests";
import { dashboardScope } from "@/lib/overview/scope";
import { toJson } from "@/lib/queries/fetch-json";
import { PromotionFilters } from "./_components/promotion-filters";
import { PromotionsList } from "./client";
import { type ApprovalsFilters, parseApprovalsFilters } from "./search-params";

export const metadata: Metadata = { title: "Approvals" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Scope = Awaited<ReturnType<typeof dashboardScope>>;

async function PromotionsWidget({ scope, filters }: { scope: Scope; filters: ApprovalsFilters }) {
  const page = await listPromotionRequests(scope.ctx, {
    projectIds: scope.projectIds,
    status: filters.status ?? "pending",
  });
  return <PromotionsList filters={filters} initial={toJson(page)} />;
}

export default async function ApprovalsPage({ searchParams }: Props) {
  const actor = await requirePageActor("promotions:read");
  const params = await searchParams;
  const scope = await dashboardScope(actor, params);
  const filters = parseApprovalsFilters(params, scope.filters.project);
  return (
    <div className="space-y-6">
      <PageHeading
        title="Approvals"
        description="Requests to promote a release or model version, with how many approvals each still needs. Open one to see its evidence and decide."
      >
        <PromotionFilters />
      </PageHeading>
      <Suspense key={JSON.stringify(filters)} fallback={<ListSkeleton label="promotion requests" />}>
        <PromotionsWidget scope={scope} filters={filters} />
      </Suspense>
    </div>
  );
}
