import { Badge, type BadgeVariant } from "@/components/ui/badge";

const VARIANTS: Record<"pending" | "delivered" | "failed", BadgeVariant> = {
  pending: "warning",
  delivered: "success",
  failed: "danger",
};

/** A notification delivery's status: pending (waiting or retrying), delivered, failed (gave up). */
export function DeliveryStatusBadge({ status }: { status: keyof typeof VARIANTS }) {
  return <Badge variant={VARIANTS[status]}>{status}</Badge>;
}
