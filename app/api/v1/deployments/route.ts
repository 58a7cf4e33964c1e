import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api/route";
import { listDeployments, listDeploymentsInput } from "@/lib/deployments/list-deployments";
import { dashboardScope } from "@/lib/overview/scope";

const query = listDeploymentsInput
  .pick({ environment: true, status: true, cursor: true, limit: true })
  .extend({ project: z.string().optional() });

/** Deployment history, newest first; `?project=&environment=&status=&cursor=&limit=`. */
export const GET = apiRoute("deployments:read", async ({ request, actor }) => {
  const input = readQuery(request, query);
  const { ctx, projectIds } = await dashboardScope(actor, new URL(request.url).searchParams);
  return NextResponse.json(await listDeployments(ctx, { ...input, projectIds }));
});
