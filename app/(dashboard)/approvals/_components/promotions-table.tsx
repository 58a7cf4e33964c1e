import { Zap } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PromotionListItemDto } from "@/lib/queries/promotions";
import { cn } from "@/lib/utils/cn";
import { formatDateTime, formatRelativeTime } from "@/lib/utils/format";

function Approvals({ request }: { request: PromotionListItemDto }) {
  const done = request.approvals >= request.requiredApprovals;
  return (
    <span className={cn("tabular-nums", done ? "text-success" : undefined)}>
      {request.approvals} / {request.requiredApprovals}
      <span className="sr-only"> approvals</span>
    </span>
  );
}

/** Promotion requests: what would go where, who asked and why, and how far along approval is. */
export function PromotionsTable({ items, pending }: { items: PromotionListItemDto[]; pending: boolean }) {
  return (
    <Table
      caption={
        pending ? "Promotion requests waiting for approval, newest first" : "Promotion requests, newest first"
      }
      data-testid="promotions-table"
    >
      <TableHeader>
        <TableRow>
          <TableHead>What</TableHead>
          <TableHead>Target</TableHead>
          <TableHead className="hidden xl:table-cell">Requested by</TableHead>
          <TableHead className="hidden xl:table-cell">Reason</TableHead>
          <TableHead>Age</TableHead>
          <TableHead>Approvals</TableHead>
          {pending ? <TableHead>Expires</TableHead> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((r) => (
          <TableRow key={r.id} data-testid="promotion-row">
            <TableCell className="max-w-48 xl:max-w-56">
              <div className="flex items-center gap-1 truncate font-medium font-mono text-sm">
                {/* The whole request page is one click away: evidence, checks and the decision. */}
                <Link href={`/approvals/${r.id}`} className="truncate underline-offset-4 hover:underline">
                  {r.label}
                  <span className="sr-only"> to {r.environmentName}</span>
                </Link>
                {r.emergency ? (
                  <Badge variant="warning">
                    <Zap aria-hidden="true" />
                    emergency
                  </Badge>
                ) : null}
              </div>
              <div className="truncate text-muted-foreground text-xs">{r.projectName}</div>
            </TableCell>
            <TableCell className="whitespace-nowrap">
              {r.environmentName}
              {r.isProduction ? (
                <Badge variant="danger" className="ml-2">
                  production
                </Badge>
              ) : null}
            </TableCell>
            <TableCell className="hidden whitespace-nowrap text-sm xl:table-cell">{r.requestedBy}</TableCell>
            <TableCell className="hidden max-w-72 text-sm xl:table-cell">
              <p className="line-clamp-2" title={r.reason}>
                {r.reason}
              </p>
            </TableCell>
            <TableCell className="whitespace-nowrap text-sm">
              <time dateTime={r.createdAt} title={formatDateTime(r.createdAt)} suppressHydrationWarning>
                {formatRelativeTime(r.createdAt)}
              </time>
            </TableCell>
            <TableCell>
              <Approvals request={r} />
            </TableCell>
            {pending ? (
              <TableCell className="whitespace-nowrap text-sm">
                <time dateTime={r.expiresAt} title={formatDateTime(r.expiresAt)} suppressHydrationWarning>
                  {formatRelativeTime(r.expiresAt)}
                </time>
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
