import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requestPromotionAction } from "@/app/(dashboard)/approvals/request-actions";
import { BreadcrumbLabel } from "@/components/layout/breadcrumb-labels";
import type { VersionPromotionOffer } from "@/components/models/version-promotion";
import { isAppError } from "@/lib/api/errors";
import { can } from "@/lib/auth/actor";
import { requirePageActor } from "@/lib/auth/require";
import type { ServiceContext } from "@/lib/context";
import { getDb } from "@/lib/db";
import { listPromotionTargets } from "@/lib/gates/list-promotion-targets";
import { loadVersionPage } from "@/lib/models/load-version-page";
import { toJson } from "@/lib/queries/fetch-json";
import { VersionPageClient } from "./client";

export const metadata: Metadata = { title: "Model version" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ modelId: string; version: string }> };

/** The dialog's targets when the person may ask for a promotion (the deployments board's check), else why not. */
async function promotionOffer(ctx: ServiceContext, versionId: string): Promise<VersionPromotionOffer> {
  if (!can(ctx.actor, "promotions:request")) {
    return { canRequest: false, reason: `Your role (${ctx.actor.role}) cannot request promotions.` };
  }
  const targets = await listPromotionTargets(ctx, { modelVersionId: versionId });
  if (targets.environments.length === 0) {
    return { canRequest: false, reason: "The project has no environments to promote to." };
  }
  return {
    canRequest: true,
    canDeclareEmergency: can(ctx.actor, "gates:write"),
    projectId: targets.projectId,
    subjectLabel: targets.subjectLabel,
    environments: targets.environments.map(({ id, name, runsHere }) => ({ id, name, runsHere })),
    nextEnvironmentId: targets.nextEnvironmentId,
    action: requestPromotionAction,
  };
}

/** One model version: metrics, history, lineage, where it runs, and "Request promotion". */
export default async function ModelVersionPage({ params }: Props) {
  const actor = await requirePageActor("models:read");
  const { modelId, version } = await params;
  const ctx = { db: await getDb(), actor };
  const page = await loadVersionPage(ctx, { modelId, version }).catch((error: unknown) => {
    // Unknown model or version, a malformed number, or outside the person's projects: one 404.
    if (isAppError(error) && (error.code === "not_found" || error.code === "invalid_request")) notFound();
    throw error;
  });
  const offer = await promotionOffer(ctx, page.version.id);
  return (
    <>
      <BreadcrumbLabel segment={modelId} label={page.model.name} />
      <VersionPageClient page={toJson(page)} offer={offer} />
    </>
  );
}
