import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/api/errors";
import { can } from "@/lib/auth/actor";
import { requirePageActor } from "@/lib/auth/require";
import { getDb } from "@/lib/db";
import { getPromotionRequest } from "@/lib/gates/get-promotion-request";
import { toJson } from "@/lib/queries/fetch-json";
import { PromotionRequestClient } from "./client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Promotion request · Approvals" };

type Props = { params: Promise<{ id: string }> };

/** One promotion request with its evidence; first paint from the verb, then live from the API. */
export default async function PromotionRequestPage({ params }: Props) {
  const actor = await requirePageActor("promotions:read");
  const { id } = await params;
  const detail = await getPromotionRequest({ db: await getDb(), actor }, { id }).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "not_found" || error.code === "invalid_request")) notFound();
    throw error;
  });
  return (
    <PromotionRequestClient
      id={id}
      initial={toJson(detail)}
      currentUserId={actor.userId}
      canDeploy={can(actor, "promotions:approve")}
    />
  );
}
