import { NextResponse } from "next/server";
import { apiRoute, readQuery } from "@/lib/api/route";
import { dashboardScope } from "@/lib/overview/scope";
import { listRuns } from "@/lib/runs/list-runs";
import { listRunsQuery, sinceOfRange } from "@/lib/runs/list-runs-query";

export const GET = apiRoute("runs:read", async ({ request, actor }) => {
  const { range, project: _project, ...input } = readQuery(request, listRunsQuery);
  const { ctx, projectIds } = await dashboardScope(actor, new URL(request.url).searchParams);
  return NextResponse.json(await listRuns(ctx, { ...input, since: sinceOfRange(range), projectIds }));
});
