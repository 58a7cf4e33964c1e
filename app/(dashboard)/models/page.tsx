import type { Metadata } from "next";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/lists/list-skeleton";
import { PageHeading } from "@/components/lists/page-heading";
import { requirePageActor } from "@/lib/auth/require";
import { listModels } from "@/lib/models/list-models";
import { dashboardScope } from "@/lib/overview/scope";
import { toJson } from "@/lib/queries/fetch-json";
import type { ModelFilters } from "@/lib/queries/models";
import { MODEL_SEARCH_PARAM, ModelSearch } from "./_components/model-search";
import { ModelsList } from "./client";

export const metadata: Metadata = { title: "Models" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Scope = Awaited<ReturnType<typeof dashboardScope>>;

async function ModelsWidget({ scope, filters }: { scope: Scope; filters: ModelFilters }) {
  const page = await listModels(scope.ctx, { projectIds: scope.projectIds, q: filters.q ?? undefined });
  return <ModelsList filters={filters} initial={toJson(page)} />;
}

/** The search text from the URL; longer than the API accepts is cut rather than an error page. */
function searchText(raw: string | string[] | undefined): string | null {
  const text = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 200);
  return text ? text : null;
}

export default async function ModelsPage({ searchParams }: Props) {
  const actor = await requirePageActor("models:read");
  const params = await searchParams;
  const scope = await dashboardScope(actor, params);
  // The project comes from the header's switcher; the name search from this page. Both in the URL.
  const filters: ModelFilters = { project: scope.filters.project, q: searchText(params[MODEL_SEARCH_PARAM]) };
  return (
    <div className="space-y-6">
      <PageHeading
        title="Models"
        description="Every registered model: its latest version, the one in production, and its primary metric across recent versions."
      >
        <ModelSearch />
      </PageHeading>
      <Suspense key={JSON.stringify(filters)} fallback={<ListSkeleton label="models" />}>
        <ModelsWidget scope={scope} filters={filters} />
      </Suspense>
    </div>
  );
}
