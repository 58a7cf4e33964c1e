import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BreadcrumbLabel } from "@/components/layout/breadcrumb-labels";
import { isAppError } from "@/lib/api/errors";
import { requirePageActor } from "@/lib/auth/require";
import { getDb } from "@/lib/db";
import { getModel } from "@/lib/models/get-model";
import { toJson } from "@/lib/queries/fetch-json";
import { ModelDetailClient } from "./client";
import { modelViewFromParams } from "./view";

export const metadata: Metadata = { title: "Model" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ modelId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * One model: its versions with metrics, aliases and deployments, and a metric across versions.
 * The table's sort and page and the charted metric live in the URL (?sort=&dir=&page=&metric=)
 * and are read here, so only one page of versions is loaded.
 */
export default async function ModelPage({ params, searchParams }: Props) {
  const actor = await requirePageActor("models:read");
  const { modelId } = await params;
  const view = modelViewFromParams(new URLSearchParams(flatten(await searchParams)));
  const model = await getModel({ db: await getDb(), actor }, { id: modelId, ...view }).catch(
    (error: unknown) => {
      // Unknown, malformed, or outside the person's projects: the same 404 page.
      if (isAppError(error) && error.code === "not_found") notFound();
      throw error;
    },
  );
  return (
    <>
      <BreadcrumbLabel segment={modelId} label={model.name} />
      <ModelDetailClient initial={toJson(model)} />
    </>
  );
}

function flatten(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).flatMap(([k, v]) =>
      typeof v === "string" ? [[k, v]] : Array.isArray(v) ? [[k, v[0] ?? ""]] : [],
    ),
  );
}
