import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BreadcrumbLabel } from "@/components/layout/breadcrumb-labels";
import { isAppError } from "@/lib/api/errors";
import { requirePageActor } from "@/lib/auth/require";
import { getDb } from "@/lib/db";
import { toJson } from "@/lib/queries/fetch-json";
import { getRun } from "@/lib/runs/get-run";
import { listRunOutputs } from "@/lib/runs/list-run-outputs";
import { RunDetailClient } from "./client";

export const metadata: Metadata = { title: "Pipeline run" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ runId: string }> };

/** One run: summary, jobs and stages as a timeline, and the model versions and deployments it produced. */
export default async function RunPage({ params }: Props) {
  const actor = await requirePageActor("runs:read");
  const { runId } = await params;
  const ctx = { db: await getDb(), actor };
  const run = await getRun(ctx, { id: runId }).catch((error: unknown) => {
    // Unknown, malformed, or outside the person's projects: the same 404 page.
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const outputs = await listRunOutputs(ctx, { runId: run.id });
  return (
    <>
      <BreadcrumbLabel
        segment={runId}
        label={run.runNumber === null ? run.pipeline.name : `${run.pipeline.name} #${run.runNumber}`}
      />
      <RunDetailClient initial={toJson(run)} outputs={toJson(outputs)} />
    </>
  );
}
