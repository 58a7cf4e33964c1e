import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readJson, readQuery } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { listPromotionRequests, listPromotionRequestsInput } from "@/lib/gates/list-promotion-requests";
import { requestPromotion, requestPromotionInput } from "@/lib/gates/request-promotion";
import { dashboardScope } from "@/lib/overview/scope";

const query = listPromotionRequestsInput
  .pick({ status: true, cursor: true, limit: true })
  .extend({ project: z.string().optional() });

/** Promotion requests, newest first; `?status=` defaults to pending (and unexpired). */
export const GET = apiRoute("promotions:read", async ({ request, actor }) => {
  const input = readQuery(request, query);
  const { ctx, projectIds } = await dashboardScope(actor, new URL(request.url).searchParams);
  return NextResponse.json(await listPromotionRequests(ctx, { ...input, projectIds }));
});

/**
 * Asks for a promotion: `{ releaseId | modelVersionId, environment | environmentId, reason,
 * emergency? }` → 201 `{ request }`; 409 when the environment is out of order or a request
 * for the same thing and place is already pending.
 */
export const POST = apiRoute("promotions:request", async ({ request, actor }) => {
  const input = await readJson(request, requestPromotionInput);
  const created = await requestPromotion({ db: await getDb(), actor }, input);
  return NextResponse.json(created, { status: 201 });
});
