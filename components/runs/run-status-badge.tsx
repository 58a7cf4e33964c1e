import { Ban, CheckCircle2, CircleDashed, Loader2, SkipForward, XCircle } from "lucide-react";
import { Badge, type BadgeVariant } from "@/components/ui/badge";

export type RunStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled" | "skipped";

const LOOK: Record<RunStatus, { variant: BadgeVariant; label: string; Icon: typeof CheckCircle2 }> = {
  queued: { variant: "neutral", label: "Queued", Icon: CircleDashed },
  running: { variant: "info", label: "Running", Icon: Loader2 },
  succeeded: { variant: "success", label: "Succeeded", Icon: CheckCircle2 },
  failed: { variant: "danger", label: "Failed", Icon: XCircle },
  cancelled: { variant: "warning", label: "Cancelled", Icon: Ban },
  skipped: { variant: "outline", label: "Skipped", Icon: SkipForward },
};

/** The one way a run or job status is shown: icon, colour and word together. */
export function RunStatusBadge({ status }: { status: RunStatus }) {
  const { variant, label, Icon } = LOOK[status];
  return (
    <Badge variant={variant} data-status={status}>
      <Icon aria-hidden="true" className={status === "running" ? "animate-spin" : undefined} />
      {label}
    </Badge>
  );
}
