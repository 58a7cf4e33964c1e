import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { getPromotionRequest } from "@/lib/gates/get-promotion-request";

/**
 * One promotion request with its evidence: candidate and what runs now, checks, policy,
 * approvals, who can still approve, the caller's eligibility (`evaluation`) and a timeline.
 */
export const GET = apiRoute<{ id: string }>("promotions:read", async ({ actor, params }) => {
  return NextResponse.json(await getPromotionRequest({ db: await getDb(), actor }, { id: params.id }));
});
