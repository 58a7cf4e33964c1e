import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { getOverviewHealth } from "@/lib/overview/get-overview-health";
import { dashboardScope } from "@/lib/overview/scope";

export const GET = apiRoute("overview:read", async ({ request, actor }) => {
  const { ctx, projectIds, rangeMs } = await dashboardScope(actor, new URL(request.url).searchParams);
  return NextResponse.json(await getOverviewHealth(ctx, { projectIds, rangeMs }));
});
