import type { AuditFilters } from "@/lib/queries/audit";
import { type ParamSource, textParam } from "@/lib/queries/list-params";

/** `?action=<prefix>&actor=<text>` plus the project from the switcher. */
export function parseAuditFilters(params: ParamSource, project: string | null): AuditFilters {
  return { project, action: textParam(params, "action"), actor: textParam(params, "actor", 200) };
}
