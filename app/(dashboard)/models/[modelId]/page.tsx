import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/api/errors";
import { requirePageActor } from "@/lib/auth/require";
import { getDb } from "@/lib/db";
import { getModel } from "@/lib/models/get-model";
import { toJson } from "@/lib/queries/fetch-json";
import { ModelDetailClient } from "./client";

export const metadata: Metadata = { title: "Model" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ modelId: string }> };

/** One model: its versions with metrics, aliases and deployments, and a metric across versions. */
export default async function ModelPage({ params }: Props) {
  const actor = await requirePageActor("models:read");
  const { modelId } = await params;
  const model = await getModel({ db: await getDb(), actor }, { id: modelId }).catch((error: unknown) => {
    // Unknown, malformed, or outside the person's projects: the same 404 page.
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  return <ModelDetailClient initial={toJson(model)} />;
}
