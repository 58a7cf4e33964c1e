import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BreadcrumbLabel } from "@/components/layout/breadcrumb-labels";
import { isAppError } from "@/lib/api/errors";
import { requirePageActor } from "@/lib/auth/require";
import { getDb } from "@/lib/db";
import { compareVersions } from "@/lib/models/compare/compare-versions";
import { parseVersionList } from "@/lib/models/compare/schemas";
import { toJson } from "@/lib/queries/fetch-json";
import { CompareClient } from "./client";

export const metadata: Metadata = { title: "Compare versions" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ modelId: string }>;
  searchParams: Promise<{ versions?: string; baseline?: string }>;
};

/**
 * 2-10 versions of a model side by side. The selection and baseline live in the URL
 * (?versions=3,7,9&baseline=7) so a comparison can be shared; changing either re-renders here.
 */
export default async function ComparePage({ params, searchParams }: Props) {
  const actor = await requirePageActor("models:read");
  const { modelId } = await params;
  const query = await searchParams;
  const versions = parseVersionList(query.versions);
  const baseline = query.baseline && /^\d+$/.test(query.baseline) ? Number(query.baseline) : null;
  try {
    const comparison = await compareVersions({ db: await getDb(), actor }, { modelId, versions, baseline });
    return (
      <>
        <BreadcrumbLabel segment={modelId} label={comparison.model.name} />
        <CompareClient comparison={toJson(comparison)} />
      </>
    );
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    if (isAppError(error) && error.code === "invalid_request") {
      return <CompareClient comparison={null} modelId={modelId} problem={error.message} />;
    }
    throw error;
  }
}
