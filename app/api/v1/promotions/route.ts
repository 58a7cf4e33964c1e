import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api/route";
import { listPromotionRequests, listPromotionRequestsInput } from "@/lib/gates/list-promotion-requests";
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
