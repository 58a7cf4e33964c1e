import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api/route";
import { listAuditEvents, listAuditEventsInput } from "@/lib/audit/list-audit-events";
import { dashboardScope } from "@/lib/overview/scope";

const query = listAuditEventsInput
  .pick({ action: true, actor: true, targetType: true, from: true, to: true, cursor: true, limit: true })
  .extend({ project: z.string().optional() });

/** The audit log, newest first; `?action=<prefix>&actor=<text>&targetType=&from=&to=&project=&cursor=&limit=`. Admins only. */
export const GET = apiRoute("audit:read", async ({ request, actor }) => {
  const { project: _project, ...input } = readQuery(request, query);
  const { ctx, projectIds } = await dashboardScope(actor, new URL(request.url).searchParams);
  return NextResponse.json(await listAuditEvents(ctx, { ...input, projectIds }));
});
