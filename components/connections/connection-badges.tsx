import { Badge } from "@/components/ui/badge";

/** The provider, e.g. "GitHub"; the caller names it (labels live with the connection logic). */
export function ConnectionKindBadge({ label }: { label: string }) {
  return <Badge variant="outline">{label}</Badge>;
}

export function ConnectionEnabledBadge({ enabled }: { enabled: boolean }) {
  return <Badge variant={enabled ? "success" : "neutral"}>{enabled ? "Enabled" : "Disabled"}</Badge>;
}

const OUTCOME_VARIANTS = {
  pending: "info",
  processed: "success",
  ignored: "neutral",
  failed: "danger",
} as const;

export function DeliveryOutcomeBadge({ outcome }: { outcome: keyof typeof OUTCOME_VARIANTS }) {
  return <Badge variant={OUTCOME_VARIANTS[outcome]}>{outcome}</Badge>;
}
