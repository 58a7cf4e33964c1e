import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api/route";
import { exportAuditCsv } from "@/lib/audit/export-audit-csv";
import { listAuditEventsInput } from "@/lib/audit/list-audit-events";
import { dashboardScope } from "@/lib/overview/scope";

const query = listAuditEventsInput
  .pick({ action: true, actor: true, targetType: true, from: true, to: true })
  .extend({ project: z.string().optional() });

/**
 * The audit log as a CSV download, with the audit page's filters
 * (`?action=&actor=&targetType=&from=&to=&project=`); streamed page by page. Admins only.
 */
export const GET = apiRoute("audit:read", async ({ request, actor }) => {
  const { project: _project, ...filters } = readQuery(request, query);
  const { ctx, projectIds } = await dashboardScope(actor, new URL(request.url).searchParams);
  const chunks = exportAuditCsv(ctx, { ...filters, projectIds });
  // Pull the first chunk now: a refusal or bad filter becomes the JSON error, not a broken file.
  const first = await chunks.next();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) controller.enqueue(encoder.encode(first.value));
    },
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="tandem-audit-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
