import Link from "next/link";
import { PromotionStatusBadge } from "@/components/gates/promotion-status-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateTime, formatRelativeTime } from "@/lib/utils/format";
import type { ReleaseDetailDto } from "./types";

/** Every promotion (or rollback) request for this release, newest first, each linked to its page. */
export function ReleaseRequests({
  requests,
  now,
}: {
  requests: ReleaseDetailDto["promotionRequests"];
  /** Rendering time, so a pending request past its expiry reads "Expired". */
  now: string;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Promotion requests</CardTitle>
        <CardDescription>Who asked to move this release where, and what became of it.</CardDescription>
      </CardHeader>
      <CardContent>
        {requests.length === 0 ? (
          <p className="text-muted-foreground text-sm">Nobody has asked to promote this release yet.</p>
        ) : (
          <ul className="flex flex-col divide-y rounded-lg border text-sm" data-testid="release-requests">
            {requests.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
                <Link
                  href={`/approvals/${r.id}`}
                  className="font-medium hover:underline focus-visible:outline-2 focus-visible:outline-ring"
                >
                  {r.isRollback ? "Roll back" : "Promote"} to {r.environmentName}
                </Link>
                <PromotionStatusBadge status={r.status} expired={r.expiresAt <= now} />
                {r.emergency ? <span className="text-warning text-xs">emergency</span> : null}
                <span className="text-muted-foreground text-xs">
                  {r.requestedBy},{" "}
                  <time dateTime={r.createdAt} title={formatDateTime(r.createdAt)} suppressHydrationWarning>
                    {formatRelativeTime(r.createdAt)}
                  </time>
                </span>
                <p className="w-full truncate text-muted-foreground text-xs" title={r.reason}>
                  {r.reason}
                </p>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
