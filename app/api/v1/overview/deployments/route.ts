import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { getDeploymentMatrix } from "@/lib/deployments/get-deployment-matrix";
import { dashboardScope } from "@/lib/overview/scope";

export const GET = apiRoute("deployments:read", async ({ request, actor }) => {
  const { ctx, projectIds } = await dashboardScope(actor, new URL(request.url).searchParams);
  return NextResponse.json(await getDeploymentMatrix(ctx, { projectIds }));
});
