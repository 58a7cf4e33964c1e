import type { PromotionStatus } from "@/lib/db/schema/enums";
import { oneOf, type ParamSource, paramOf } from "@/lib/queries/list-params";
import type { PromotionFilters } from "@/lib/queries/promotions";

export const PROMOTION_STATUSES = [
  "pending",
  "approved",
  "deploying",
  "deployed",
  "failed",
  "rejected",
  "expired",
  "cancelled",
] as const satisfies readonly PromotionStatus[];

export const PROMOTION_STATUS_LABEL: Record<(typeof PROMOTION_STATUSES)[number], string> = {
  pending: "Waiting for approval",
  approved: "Approved",
  deploying: "Deploying",
  deployed: "Deployed",
  failed: "Failed",
  rejected: "Rejected",
  expired: "Expired",
  cancelled: "Cancelled",
};

export type ApprovalsFilters = PromotionFilters & { status: (typeof PROMOTION_STATUSES)[number] | null };

/** `?status=` (absent or unknown: pending) plus the project from the switcher. */
export function parseApprovalsFilters(params: ParamSource, project: string | null): ApprovalsFilters {
  const status = oneOf(PROMOTION_STATUSES, paramOf(params, "status"));
  // Pending is the default view; keep it as null so /approvals and ?status=pending share a cache entry.
  return { project, status: status === "pending" ? null : status };
}
