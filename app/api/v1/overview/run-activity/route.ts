import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { getRunActivity } from "@/lib/overview/get-run-activity";
import { dashboardScope } from "@/lib/overview/scope";

export const GET = apiRoute("runs:read", async ({ request, actor }) => {
  const { ctx, projectIds, rangeMs } = await dashboardScope(actor, new URL(request.url).searchParams);
  return NextResponse.json(await getRunActivity(ctx, { projectIds, rangeMs }));
});
