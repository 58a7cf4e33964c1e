import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api/route";
import { dashboardScope } from "@/lib/overview/scope";
import { listRuns, listRunsInput } from "@/lib/runs/list-runs";

const query = listRunsInput.pick({ status: true, provider: true, cursor: true, limit: true }).extend({
  project: z.string().optional(),
});

export const GET = apiRoute("runs:read", async ({ request, actor }) => {
  const input = readQuery(request, query);
  const { ctx, projectIds } = await dashboardScope(actor, new URL(request.url).searchParams);
  return NextResponse.json(await listRuns(ctx, { ...input, projectIds }));
});
