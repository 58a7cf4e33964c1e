import { Ban, CheckCircle2, CircleDashed, Loader2, XCircle } from "lucide-react";
import { Badge, type BadgeVariant } from "@/components/ui/badge";

export const DEPLOYMENT_STATUSES = ["queued", "in_progress", "succeeded", "failed", "cancelled"] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

export const DEPLOYMENT_STATUS_LABEL: Record<DeploymentStatus, string> = {
  queued: "Queued",
  in_progress: "In progress",
  succeeded: "Succeeded",
  failed: "Failed",
  cancelled: "Cancelled",
};

const LOOK: Record<DeploymentStatus, { variant: BadgeVariant; Icon: typeof CheckCircle2 }> = {
  queued: { variant: "neutral", Icon: CircleDashed },
  in_progress: { variant: "info", Icon: Loader2 },
  succeeded: { variant: "success", Icon: CheckCircle2 },
  failed: { variant: "danger", Icon: XCircle },
  cancelled: { variant: "warning", Icon: Ban },
};

/** The one way a deployment's outcome is shown: icon, colour and word together, like runs. */
export function DeploymentStatusBadge({ status }: { status: DeploymentStatus }) {
  const { variant, Icon } = LOOK[status];
  return (
    <Badge variant={variant} data-status={status}>
      <Icon aria-hidden="true" className={status === "in_progress" ? "animate-spin" : undefined} />
      {DEPLOYMENT_STATUS_LABEL[status]}
    </Badge>
  );
}
