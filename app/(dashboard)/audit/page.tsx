import type { Metadata } from "next";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/lists/list-skeleton";
import { PageHeading } from "@/components/lists/page-heading";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { requirePageActor } from "@/lib/auth/require";
import { dashboardScope } from "@/lib/overview/scope";
import type { AuditFilters as Filters } from "@/lib/queries/audit";
import { toJson } from "@/lib/queries/fetch-json";
import { AuditFilters } from "./_components/audit-filters";
import { AuditLog } from "./client";
import { parseAuditFilters } from "./search-params";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Scope = Awaited<ReturnType<typeof dashboardScope>>;

async function AuditWidget({ scope, filters }: { scope: Scope; filters: Filters }) {
  const page = await listAuditEvents(scope.ctx, {
    projectIds: scope.projectIds,
    action: filters.action ?? undefined,
    actor: filters.actor ?? undefined,
    targetType: filters.targetType ?? undefined,
    from: filters.from ?? undefined,
    to: filters.to ?? undefined,
  });
  return <AuditLog filters={filters} initial={toJson(page)} />;
}

export default async function AuditPage({ searchParams }: Props) {
  // Admins only: everyone else gets the 403 page, not an empty list.
  const actor = await requirePageActor("audit:read");
  const params = await searchParams;
  const scope = await dashboardScope(actor, params);
  const filters = parseAuditFilters(params, scope.filters.project);
  return (
    <div className="space-y-6">
      <PageHeading
        title="Audit log"
        description="Every change made in Tandem, by whom and when, newest first. Choosing a project hides events that belong to none (people and tokens)."
      >
        <AuditFilters />
      </PageHeading>
      <Suspense key={JSON.stringify(filters)} fallback={<ListSkeleton label="audit events" />}>
        <AuditWidget scope={scope} filters={filters} />
      </Suspense>
    </div>
  );
}
