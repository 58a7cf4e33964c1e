import type { Metadata } from "next";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/lists/list-skeleton";
import { PageHeading } from "@/components/lists/page-heading";
import { requirePageActor } from "@/lib/auth/require";
import { listModels } from "@/lib/models/list-models";
import { dashboardScope } from "@/lib/overview/scope";
import { toJson } from "@/lib/queries/fetch-json";
import type { ModelFilters } from "@/lib/queries/models";
import { ModelsList } from "./client";

export const metadata: Metadata = { title: "Models" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Scope = Awaited<ReturnType<typeof dashboardScope>>;

async function ModelsWidget({ scope, filters }: { scope: Scope; filters: ModelFilters }) {
  const page = await listModels(scope.ctx, { projectIds: scope.projectIds });
  return <ModelsList filters={filters} initial={toJson(page)} />;
}

export default async function ModelsPage({ searchParams }: Props) {
  const actor = await requirePageActor("models:read");
  const scope = await dashboardScope(actor, await searchParams);
  // The only filter is the project, which the header's switcher keeps in the URL.
  const filters: ModelFilters = { project: scope.filters.project };
  return (
    <div className="space-y-6">
      <PageHeading
        title="Models"
        description="Every registered model: what it is judged by, its versions, and which one is champion."
        note="Comparing versions side by side (metrics, parameters, lineage) arrives with the model registry work."
      />
      <Suspense key={JSON.stringify(filters)} fallback={<ListSkeleton label="models" />}>
        <ModelsWidget scope={scope} filters={filters} />
      </Suspense>
    </div>
  );
}
