import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BreadcrumbLabel } from "@/components/layout/breadcrumb-labels";
import { isAppError } from "@/lib/api/errors";
import { can } from "@/lib/auth/actor";
import { requirePageActor } from "@/lib/auth/require";
import { getDb } from "@/lib/db";
import { getPromotionRequest } from "@/lib/gates/get-promotion-request";
import { listReleaseCommits } from "@/lib/gates/list-release-commits";
import { toJson } from "@/lib/queries/fetch-json";
import { PromotionRequestClient } from "./client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Promotion request · Approvals" };

type Props = { params: Promise<{ id: string }> };

/** One promotion request with its evidence; first paint from the verb, then live from the API. */
export default async function PromotionRequestPage({ params }: Props) {
  const actor = await requirePageActor("promotions:read");
  const { id } = await params;
  const ctx = { db: await getDb(), actor };
  const detail = await getPromotionRequest(ctx, { id }).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "not_found" || error.code === "invalid_request")) notFound();
    throw error;
  });
  const { candidate, current } = detail;
  const commits =
    candidate?.kind === "release" && current?.subject.kind === "release"
      ? await listReleaseCommits(ctx, {
          candidateReleaseId: candidate.id,
          currentReleaseId: current.subject.id,
        })
      : undefined;
  return (
    <>
      <BreadcrumbLabel segment={id} label={`To ${detail.environment.name}`} />
      <PromotionRequestClient
        id={id}
        initial={toJson(detail)}
        currentUserId={actor.userId}
        canDeploy={can(actor, "promotions:approve")}
        canComment={can(actor, "promotions:request")}
        commits={commits === undefined ? undefined : commits && toJson(commits)}
      />
    </>
  );
}
