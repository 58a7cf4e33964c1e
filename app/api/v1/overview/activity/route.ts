import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { listActivity } from "@/lib/audit/list-activity";
import { dashboardScope } from "@/lib/overview/scope";

export const GET = apiRoute("overview:read", async ({ request, actor }) => {
  const { ctx, projectIds } = await dashboardScope(actor, new URL(request.url).searchParams);
  return NextResponse.json(await listActivity(ctx, { projectIds }));
});
