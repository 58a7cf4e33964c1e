import type { AuditFilters } from "@/lib/queries/audit";
import { type ParamSource, paramOf, textParam } from "@/lib/queries/list-params";

export const TARGET_TYPES = [
  "promotion_request",
  "deployment",
  "environment",
  "model",
  "connection",
  "user",
  "api_token",
] as const;

const TARGET_TYPE = /^[a-z][a-z_]{0,49}$/;

/** An ISO instant from the URL, normalised; anything unparseable is ignored. */
function instantParam(params: ParamSource, key: string): string | null {
  const raw = paramOf(params, key);
  if (!raw || raw.length > 40) return null;
  const at = new Date(raw);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** `?action=<prefix>&actor=<text>&targetType=&from=&to=` plus the project from the switcher. */
export function parseAuditFilters(params: ParamSource, project: string | null): AuditFilters {
  const targetType = paramOf(params, "targetType");
  return {
    project,
    action: textParam(params, "action"),
    actor: textParam(params, "actor", 200),
    targetType: targetType && TARGET_TYPE.test(targetType) ? targetType : null,
    from: instantParam(params, "from"),
    to: instantParam(params, "to"),
  };
}
