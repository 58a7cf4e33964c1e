import type { Metadata } from "next";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/lists/list-skeleton";
import { PageHeading } from "@/components/lists/page-heading";
import { requirePageActor } from "@/lib/auth/require";
import { dashboardScope } from "@/lib/overview/scope";
import { toJson } from "@/lib/queries/fetch-json";
import type { ReleaseFilters as Filters } from "@/lib/queries/releases";
import { listEnvironmentOptions } from "@/lib/releases/list-environment-options";
import { listReleases } from "@/lib/releases/list-releases";
import { ReleaseFilters } from "./_components/release-filters";
import { ReleasesList } from "./client";
import { parseReleaseFilters } from "./search-params";

export const metadata: Metadata = { title: "Releases" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Scope = Awaited<ReturnType<typeof dashboardScope>>;

async function FiltersWidget({ scope }: { scope: Scope }) {
  const environments = await listEnvironmentOptions(scope.ctx, { projectIds: scope.projectIds });
  return <ReleaseFilters environments={environments} />;
}

async function ReleasesWidget({ scope, filters }: { scope: Scope; filters: Filters }) {
  const page = await listReleases(scope.ctx, {
    projectIds: scope.projectIds,
    environment: filters.environment ?? undefined,
    q: filters.q ?? undefined,
  });
  return <ReleasesList filters={filters} initial={toJson(page)} />;
}

/** Every release in the project scope: what it bundles and where it runs now. */
export default async function ReleasesPage({ searchParams }: Props) {
  const actor = await requirePageActor("deployments:read");
  const params = await searchParams;
  const scope = await dashboardScope(actor, params);
  const filters = parseReleaseFilters(params, scope.filters.project);
  return (
    <div className="space-y-6">
      <PageHeading
        title="Releases"
        description="What goes out together: a software build and the model versions that ship with it, and where each release runs now."
      />
      <section aria-label="Release filters" className="flex flex-wrap items-end gap-3">
        <Suspense fallback={null}>
          <FiltersWidget scope={scope} />
        </Suspense>
      </section>
      <Suspense key={JSON.stringify(filters)} fallback={<ListSkeleton label="releases" />}>
        <ReleasesWidget scope={scope} filters={filters} />
      </Suspense>
    </div>
  );
}
