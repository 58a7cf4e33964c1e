import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { BreadcrumbLabel } from "@/components/layout/breadcrumb-labels";
import { PageHeading } from "@/components/lists/page-heading";
import { DriftTable } from "@/components/monitoring/drift-table";
import { Skeleton } from "@/components/ui/skeleton";
import { isAppError } from "@/lib/api/errors";
import { requirePageActor } from "@/lib/auth/require";
import type { ServiceContext } from "@/lib/context";
import { listFeatureDrift } from "@/lib/drift/list-feature-drift";
import { loadVisibleModel } from "@/lib/models/access";
import { dashboardScope } from "@/lib/overview/scope";
import { ChartsWidget, DoraWidget } from "../../_components/monitoring-widgets";

export const metadata: Metadata = { title: "Model health" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ modelId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function DriftWidget({ ctx, modelId }: { ctx: ServiceContext; modelId: string }) {
  const drift = await listFeatureDrift(ctx, { modelId });
  const features = drift.features.map((f) => ({
    feature: f.feature,
    reports: f.history.map((h) => ({
      windowEnd: h.windowEnd.toISOString(),
      psi: h.psi,
      ks: h.ks,
      jsDistance: h.jsDistance,
    })),
  }));
  return (
    <section aria-labelledby="drift-heading" className="space-y-3">
      <h2 id="drift-heading" className="font-semibold text-lg">
        Data drift
      </h2>
      <DriftTable features={features} />
    </section>
  );
}

/** A model's health: its series (all versions) with deployments, drift per feature, model DORA. */
export default async function ModelMonitoringPage({ params, searchParams }: Props) {
  const actor = await requirePageActor("monitoring:read");
  const { modelId } = await params;
  const query = await searchParams;
  const scope = await dashboardScope(actor, query);
  const visible = await loadVisibleModel(scope.ctx.db, actor, modelId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <div className="space-y-8">
      <BreadcrumbLabel segment={modelId} label={visible.name} />
      <PageHeading
        title={`Model ${visible.name}`}
        description={
          <>
            Health of every version in production, drift per input feature, and model delivery metrics.{" "}
            <Link href={`/models/${modelId}`} className="underline underline-offset-4">
              Open in the registry
            </Link>
          </>
        }
      />
      <Suspense fallback={<Skeleton className="h-72 w-full" />}>
        <ChartsWidget ctx={scope.ctx} scope={{ projectIds: scope.projectIds, modelId }} params={query} />
      </Suspense>
      <Suspense fallback={<Skeleton className="h-40 w-full" />}>
        <DriftWidget ctx={scope.ctx} modelId={modelId} />
      </Suspense>
      <Suspense fallback={<Skeleton className="h-40 w-full" />}>
        <DoraWidget
          ctx={scope.ctx}
          projectIds={[visible.projectId]}
          rangeMs={scope.rangeMs}
          subject="models"
          modelId={modelId}
        />
      </Suspense>
    </div>
  );
}
