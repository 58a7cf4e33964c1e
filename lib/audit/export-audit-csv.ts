import "server-only";
import type { ServiceContext } from "@/lib/context";
import { auditCsvHeader, auditCsvRow } from "./audit-csv";
import { type ListAuditEventsInput, listAuditEvents } from "./list-audit-events";

/** Pages read per round trip while streaming. */
const PAGE = 200;
/** A runaway export stops here; narrow the filters for more. */
export const MAX_EXPORT_ROWS = 100_000;

/**
 * The audit log matching the filters as CSV text chunks, newest first: the header, then
 * one chunk per keyset page, so a large export never sits in memory. Permission (audit:read)
 * and project scope are checked by listAuditEvents on the first page, before any output.
 */
export async function* exportAuditCsv(
  ctx: ServiceContext,
  filters: Omit<ListAuditEventsInput, "cursor" | "limit">,
): AsyncGenerator<string> {
  let page = await listAuditEvents(ctx, { ...filters, limit: PAGE });
  yield auditCsvHeader();
  let written = 0;
  for (;;) {
    const rows = page.items.slice(0, MAX_EXPORT_ROWS - written);
    if (rows.length > 0) yield rows.map(auditCsvRow).join("");
    written += rows.length;
    if (!page.nextCursor || written >= MAX_EXPORT_ROWS) return;
    page = await listAuditEvents(ctx, { ...filters, limit: PAGE, cursor: page.nextCursor });
  }
}
