import type { AuditEventListItem } from "@/lib/audit/list-audit-events";
import type { Page } from "@/lib/db/keyset";
import type { Jsonify } from "./fetch-json";
import { queryKeys } from "./keys";
import { pagedQueryOptions } from "./paged";

export type AuditPageDto = Jsonify<Page<AuditEventListItem>>;
export type AuditEventDto = AuditPageDto["items"][number];

/** The audit page's URL filters: action prefix, actor text, target type and a time range (ISO). */
export type AuditFilters = {
  project: string | null;
  action: string | null;
  actor: string | null;
  targetType: string | null;
  from: string | null;
  to: string | null;
};

export const auditQueries = {
  /** The audit log, newest first; read on demand, never polled. */
  pages: (f: AuditFilters) =>
    pagedQueryOptions<AuditPageDto>(queryKeys.audit.pages(f), "/api/v1/audit-events", f),
};
