"use client";

import { Ban, Rocket, ThumbsDown, ThumbsUp } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import type { PromotionDecisionDto, PromotionEvaluationDto } from "@/lib/queries/promotions";
import { cn } from "@/lib/utils/cn";

export type DecisionKind = "approve" | "reject" | "cancel" | "deploy";

export type DecisionPanelProps = {
  evaluation: PromotionEvaluationDto;
  subjectLabel: string;
  environmentName: string;
  /** The reader holds promotions:approve: may push an approved request on once its checks pass. */
  canDeploy: boolean;
  busy: DecisionKind | null;
  /** Resolves true when the server accepted it (the comment is then cleared). */
  onDecide: (kind: DecisionKind, comment: string) => Promise<boolean>;
};

function Refusal({
  id,
  verb,
  decision,
  title,
}: {
  id: string;
  verb: string;
  decision: PromotionDecisionDto;
  title: string;
}) {
  if (decision.allowed) return null;
  return (
    <div id={id} className="rounded-md bg-muted px-3 py-2 text-sm" data-testid={`${verb}-refusal`}>
      <p className="font-medium">{title}</p>
      <ul className="list-disc pl-5 text-muted-foreground">
        {decision.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Approve or reject with a comment. Buttons the reader may not use stay visible but
 * disabled, with the eligibility function's reasons written out beside them (not only in a
 * tooltip), so everyone can see why.
 */
export function DecisionPanel({
  evaluation,
  subjectLabel,
  environmentName,
  canDeploy,
  busy,
  onDecide,
}: DecisionPanelProps) {
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const ids = { comment: useId(), approve: useId(), reject: useId(), error: useId() };
  const { canApprove, canReject, canCancel } = evaluation;
  const open = evaluation.state !== "closed" && evaluation.state !== "expired";
  // Reject reasons repeat the approve ones for most people; they are shown once.
  const sameReasons = canReject.reasons.join() === canApprove.reasons.join();

  async function decide(kind: DecisionKind) {
    if (kind === "reject" && comment.trim() === "") {
      setError("Say why you reject it; the requester reads this.");
      return;
    }
    setError(null);
    if (await onDecide(kind, comment)) setComment("");
  }

  if (!open) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>Decision</CardTitle>
          <CardDescription>{evaluation.summary}</CardDescription>
        </CardHeader>
      </Card>
    );
  }
  const effect = evaluation.completesQuorum
    ? evaluation.blockedBy.length === 0 && evaluation.waitingFor.length <= 1
      ? `Your approval completes the quorum and deploys ${subjectLabel} to ${environmentName}.`
      : "Your approval completes the quorum; the deployment then waits for the checks."
    : null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Your decision</CardTitle>
        {effect && canApprove.allowed ? <CardDescription>{effect}</CardDescription> : null}
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={ids.comment}>Comment</Label>
          <textarea
            id={ids.comment}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            rows={3}
            maxLength={2000}
            disabled={!canApprove.allowed && !canReject.allowed}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? ids.error : undefined}
            placeholder="What you checked, or why not (required to reject)"
            className="min-h-20 w-full rounded-md border border-input bg-background px-3 py-2 text-sm shadow-xs placeholder:text-muted-foreground focus-visible:border-ring focus-visible:outline-2 focus-visible:outline-ring disabled:cursor-not-allowed disabled:opacity-60 aria-invalid:border-destructive"
          />
          {error ? (
            <p id={ids.error} className="text-destructive text-sm">
              {error}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button
            onClick={() => decide("approve")}
            disabled={!canApprove.allowed || busy !== null}
            aria-describedby={canApprove.allowed ? undefined : ids.approve}
          >
            <ThumbsUp aria-hidden="true" />
            {busy === "approve" ? "Approving…" : "Approve"}
          </Button>
          <Button
            variant="outline"
            onClick={() => decide("reject")}
            disabled={!canReject.allowed || busy !== null}
            aria-describedby={canReject.allowed ? undefined : sameReasons ? ids.approve : ids.reject}
            className={cn(canReject.allowed && "text-destructive")}
          >
            <ThumbsDown aria-hidden="true" />
            {busy === "reject" ? "Rejecting…" : "Reject"}
          </Button>
          {evaluation.state === "ready" && canDeploy ? (
            <Button variant="secondary" onClick={() => decide("deploy")} disabled={busy !== null}>
              <Rocket aria-hidden="true" />
              Deploy now
            </Button>
          ) : null}
          {canCancel.allowed ? (
            <Button variant="ghost" onClick={() => decide("cancel")} disabled={busy !== null}>
              <Ban aria-hidden="true" />
              Cancel request
            </Button>
          ) : null}
        </div>
        <Refusal
          id={ids.approve}
          verb="approve"
          decision={canApprove}
          title={
            sameReasons ? "You can’t approve or reject this request:" : "You can’t approve this request:"
          }
        />
        {!sameReasons ? (
          <Refusal
            id={ids.reject}
            verb="reject"
            decision={canReject}
            title="You can’t reject this request:"
          />
        ) : null}
      </CardContent>
    </Card>
  );
}
