import { ThumbsDown, ThumbsUp } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type {
  PossibleApproverDto,
  PromotionApprovalDto,
  PromotionEvaluationDto,
} from "@/lib/queries/promotions";
import { formatDateTime, formatRelativeTime } from "@/lib/utils/format";

/** Decisions so far with their comments, how many approvals are still needed, and who can give them. */
export function ApprovalsPanel({
  approvals,
  evaluation,
  remaining,
  pending,
  currentUserId,
}: {
  approvals: PromotionApprovalDto[];
  evaluation: PromotionEvaluationDto;
  remaining: PossibleApproverDto[];
  pending: boolean;
  currentUserId: string;
}) {
  const { approvalsGiven, approvalsNeeded } = evaluation;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Approvals</CardTitle>
        <CardDescription data-testid="approval-count">
          {approvalsGiven} of {approvalsNeeded} approval{approvalsNeeded === 1 ? "" : "s"}
          {evaluation.rejectionsGiven > 0 ? `, ${evaluation.rejectionsGiven} rejected` : ""}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {approvals.length === 0 ? (
          <p className="text-muted-foreground text-sm">Nobody has decided yet.</p>
        ) : (
          <ul className="flex flex-col gap-3" data-testid="approvals-list">
            {approvals.map((a) => (
              <li key={a.id} className="flex gap-2 text-sm">
                {a.decision === "approve" ? (
                  <ThumbsUp aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-success" />
                ) : (
                  <ThumbsDown aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-destructive" />
                )}
                <div className="min-w-0 space-y-0.5">
                  <p>
                    <span className="font-medium">{a.userName}</span>{" "}
                    {a.decision === "approve" ? "approved" : "rejected"}{" "}
                    <time
                      dateTime={a.createdAt}
                      title={formatDateTime(a.createdAt)}
                      className="text-muted-foreground"
                      suppressHydrationWarning
                    >
                      {formatRelativeTime(a.createdAt)}
                    </time>
                  </p>
                  {a.comment ? (
                    <p className="whitespace-pre-wrap text-muted-foreground">“{a.comment}”</p>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        )}
        {pending ? (
          <div className="space-y-1 border-t pt-3 text-sm">
            <p className="font-medium">Who can still approve</p>
            {remaining.length === 0 ? (
              <p className="text-muted-foreground">Nobody else is eligible under this policy.</p>
            ) : (
              <p className="text-muted-foreground" data-testid="remaining-approvers">
                {remaining.map((u) => (u.id === currentUserId ? `${u.name} (you)` : u.name)).join(", ")}
              </p>
            )}
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
