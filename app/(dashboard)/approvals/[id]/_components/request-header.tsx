import { ArrowLeft, Zap } from "lucide-react";
import Link from "next/link";
import { ExpiryCountdown } from "@/components/gates/expiry-countdown";
import { type PromotionStatus, PromotionStatusBadge } from "@/components/gates/promotion-status-badge";
import { Badge } from "@/components/ui/badge";
import type { PromotionDetailDto } from "@/lib/queries/promotions";
import { cn } from "@/lib/utils/cn";
import { formatDateTime, formatRelativeTime } from "@/lib/utils/format";

const TONE: Record<PromotionDetailDto["evaluation"]["state"], string> = {
  ready: "border-success/30 bg-success/5",
  waiting_for_approvals: "border-info/30 bg-info/5",
  waiting_for_checks: "border-warning/30 bg-warning/5",
  blocked_by_checks: "border-destructive/30 bg-destructive/5",
  expired: "border-border bg-muted",
  closed: "border-border bg-muted/50",
};

/** At a glance: what goes where, its status, who asked and why, when it expires, and what it waits for. */
export function RequestHeader({ detail }: { detail: PromotionDetailDto }) {
  const { request, environment, project, requestedBy, evaluation } = detail;
  const label = detail.candidate?.label ?? "A deleted release or model version";
  return (
    <header className="flex flex-col gap-3">
      <Link
        href="/approvals"
        className="inline-flex w-fit items-center gap-1 text-muted-foreground text-sm hover:text-foreground"
      >
        <ArrowLeft aria-hidden="true" className="size-4" />
        Approvals
      </Link>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="font-semibold text-2xl tracking-tight">
          <span className="font-mono">{label}</span> → {environment.name}
        </h1>
        <PromotionStatusBadge status={request.status as PromotionStatus} expired={evaluation.isExpired} />
        {environment.isProduction ? <Badge variant="danger">production</Badge> : null}
        {request.emergency ? (
          <Badge variant="warning">
            <Zap aria-hidden="true" />
            emergency
          </Badge>
        ) : null}
      </div>
      <p className="text-muted-foreground text-sm">
        {project.name} · asked by <span className="text-foreground">{requestedBy.name}</span>{" "}
        <time dateTime={request.createdAt} title={formatDateTime(request.createdAt)} suppressHydrationWarning>
          {formatRelativeTime(request.createdAt)}
        </time>
        {request.status === "pending" ? (
          <>
            {" · "}
            <ExpiryCountdown expiresAt={request.expiresAt} />
          </>
        ) : request.decidedAt ? (
          ` · decided ${formatDateTime(request.decidedAt)}`
        ) : null}
      </p>
      <blockquote className="border-l-2 pl-3 text-sm">{request.reason}</blockquote>
      <p
        className={cn("rounded-md border px-3 py-2 font-medium text-sm", TONE[evaluation.state])}
        data-testid="promotion-summary"
        aria-live="polite"
      >
        {evaluation.summary}
      </p>
    </header>
  );
}
