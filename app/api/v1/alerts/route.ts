import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api/route";
import { listAlerts, listAlertsInput } from "@/lib/monitoring/list-alerts";
import { dashboardScope } from "@/lib/overview/scope";

const query = listAlertsInput
  .pick({ state: true, severity: true, ruleId: true, cursor: true, limit: true })
  .extend({ project: z.string().optional(), range: z.string().optional() });

/** Alerts, firing first; resolved ones only within `?range=` (default 7d). */
export const GET = apiRoute("monitoring:read", async ({ request, actor }) => {
  const { range: _range, project: _project, ...input } = readQuery(request, query);
  const { ctx, projectIds, rangeMs } = await dashboardScope(actor, new URL(request.url).searchParams);
  return NextResponse.json(await listAlerts(ctx, { ...input, projectIds, resolvedWithinMs: rangeMs }));
});
