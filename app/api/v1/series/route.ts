import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api/route";
import { listSeries, listSeriesInput } from "@/lib/monitoring/list-series";
import { dashboardScope } from "@/lib/overview/scope";

const query = listSeriesInput
  .pick({ name: true, environment: true, kind: true, cursor: true, limit: true })
  .extend({ project: z.string().optional() });

/** `GET /api/v1/series?project=&name=&environment=&kind=`: series with their labels, by key. */
export const GET = apiRoute("monitoring:read", async ({ request, actor }) => {
  const { project: _project, ...input } = readQuery(request, query);
  const { ctx, projectIds } = await dashboardScope(actor, new URL(request.url).searchParams);
  return NextResponse.json(await listSeries(ctx, { ...input, projectIds }));
});
