import { Ban, CheckCircle2, Clock, Hourglass, Loader2, ThumbsUp, XCircle } from "lucide-react";
import { Badge, type BadgeVariant } from "@/components/ui/badge";

export type PromotionStatus =
  | "pending"
  | "approved"
  | "deploying"
  | "deployed"
  | "failed"
  | "rejected"
  | "expired"
  | "cancelled";

export const PROMOTION_STATUS_TEXT: Record<PromotionStatus, string> = {
  pending: "Waiting for approval",
  approved: "Approved",
  deploying: "Deploying",
  deployed: "Deployed",
  failed: "Failed",
  rejected: "Rejected",
  expired: "Expired",
  cancelled: "Cancelled",
};

const LOOK: Record<PromotionStatus, { variant: BadgeVariant; Icon: typeof CheckCircle2 }> = {
  pending: { variant: "info", Icon: Clock },
  approved: { variant: "success", Icon: ThumbsUp },
  deploying: { variant: "info", Icon: Loader2 },
  deployed: { variant: "success", Icon: CheckCircle2 },
  failed: { variant: "danger", Icon: XCircle },
  rejected: { variant: "danger", Icon: XCircle },
  expired: { variant: "neutral", Icon: Hourglass },
  cancelled: { variant: "warning", Icon: Ban },
};

/**
 * A promotion request's status as icon, colour and word. A pending request past its expiry
 * reads "Expired" before the expiry job has moved it, because nobody can act on it.
 */
export function PromotionStatusBadge({
  status,
  expired = false,
}: {
  status: PromotionStatus;
  expired?: boolean;
}) {
  const shown = status === "pending" && expired ? "expired" : status;
  const { variant, Icon } = LOOK[shown];
  return (
    <Badge variant={variant} data-status={shown} data-testid="promotion-status">
      <Icon aria-hidden="true" className={shown === "deploying" ? "animate-spin" : undefined} />
      {PROMOTION_STATUS_TEXT[shown]}
    </Badge>
  );
}
