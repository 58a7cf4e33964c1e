"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApprovalsPanel } from "@/components/gates/approvals-panel";
import { ChecksList } from "@/components/gates/checks-list";
import { CommentForm } from "@/components/gates/comment-form";
import { type DecisionKind, DecisionPanel } from "@/components/gates/decision-panel";
import { MetricCompare } from "@/components/gates/metric-compare";
import { PolicySummary } from "@/components/gates/policy-summary";
import { PromotionTimeline } from "@/components/gates/promotion-timeline";
import { ReleaseCompare } from "@/components/gates/release-compare";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toast";
import { queryKeys } from "@/lib/queries/keys";
import { type PromotionDetailDto, promotionQueries } from "@/lib/queries/promotions";
import type { CommitsBetweenDto } from "@/lib/queries/release-commits";
import { formatRelativeTime } from "@/lib/utils/format";
import { RequestHeader } from "./_components/request-header";
import {
  addCommentAction,
  approvePromotionAction,
  cancelPromotionAction,
  type DecisionActionResult,
  deployPromotionAction,
  rejectPromotionAction,
} from "./actions";

const ACTIONS: Record<
  DecisionKind,
  (input: { id: string; comment: string }) => Promise<DecisionActionResult>
> = {
  approve: approvePromotionAction,
  reject: rejectPromotionAction,
  cancel: cancelPromotionAction,
  deploy: deployPromotionAction,
};

export type PromotionRequestClientProps = {
  id: string;
  initial: PromotionDetailDto;
  currentUserId: string;
  canDeploy: boolean;
  canComment: boolean;
  /** For a release: the commits between what runs now and the candidate. */
  commits?: CommitsBetweenDto | null;
};

/** The request page: evidence on the left, the decision on the right; refreshes while pending. */
export function PromotionRequestClient({
  id,
  initial,
  currentUserId,
  canDeploy,
  canComment,
  commits,
}: PromotionRequestClientProps) {
  const queryClient = useQueryClient();
  const { data } = useQuery({ ...promotionQueries.detail(id), initialData: initial });
  const decide = useMutation({
    mutationFn: async ({ kind, comment }: { kind: DecisionKind; comment: string }) => {
      const result = await ACTIONS[kind]({ id, comment });
      if (!result.ok) throw new Error(result.error);
      return result;
    },
    onSuccess: (result) => toast.success(result.message),
    onError: (error) => toast.error("That did not go through", { description: error.message }),
    // Whatever happened, others may have acted too: reload the request, the lists and the overview.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.promotions.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.overview.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.deployments.all }),
      ]),
  });

  const comment = useMutation({
    mutationFn: async (body: string) => {
      const result = await addCommentAction({ id, body });
      if (!result.ok) throw new Error(result.error);
      return result;
    },
    onError: (error) => toast.error("The comment was not saved", { description: error.message }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.promotions.detail(id) }),
  });

  const { candidate, current, environment } = data;
  const pending = data.request.status === "pending" && !data.evaluation.isExpired;
  // A decided request keeps the evidence it was decided on (see assessPromotion).
  const decided = data.request.status !== "pending";
  return (
    <div className="flex flex-col gap-6" data-testid="promotion-request">
      <RequestHeader detail={data} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
          <ChecksList checks={data.checks} bypassed={data.evaluation.checksBypassed} asOfDecision={decided} />
          <Card>
            <CardHeader>
              <CardTitle>
                {decided
                  ? `Candidate against what ran in ${environment.name} before the decision`
                  : `Candidate against ${environment.name} now`}
              </CardTitle>
              <CardDescription>
                {current ? (
                  <>
                    {current.subject.label} {decided ? "ran" : "runs"} in {environment.name}
                    {decided ? " then" : " now"} (deployed{" "}
                    <time dateTime={current.startedAt} suppressHydrationWarning>
                      {formatRelativeTime(current.startedAt)}
                    </time>
                    {current.deployedBy ? ` by ${current.deployedBy}` : ""}).
                  </>
                ) : (
                  `Nothing comparable ran in ${environment.name} ${decided ? "before the decision" : "yet"}.`
                )}
              </CardDescription>
            </CardHeader>
            <CardContent>
              {candidate?.kind === "model" ? (
                <MetricCompare
                  candidate={candidate}
                  current={current}
                  policy={data.policy}
                  environmentName={environment.name}
                  decided={decided}
                />
              ) : candidate?.kind === "release" ? (
                <ReleaseCompare
                  candidate={candidate}
                  current={current}
                  environmentName={environment.name}
                  commits={commits}
                />
              ) : (
                <p className="text-muted-foreground text-sm">
                  The release or model version no longer exists.
                </p>
              )}
            </CardContent>
          </Card>
          <PromotionTimeline items={data.timeline}>
            {canComment ? (
              <CommentForm
                busy={comment.isPending}
                onSubmit={(body) =>
                  comment.mutateAsync(body).then(
                    () => true,
                    () => false,
                  )
                }
              />
            ) : null}
          </PromotionTimeline>
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <DecisionPanel
            evaluation={data.evaluation}
            subjectLabel={candidate?.label ?? "it"}
            environmentName={environment.name}
            canDeploy={canDeploy}
            busy={decide.isPending ? decide.variables.kind : null}
            onDecide={(kind, comment) =>
              decide.mutateAsync({ kind, comment }).then(
                () => true,
                () => false,
              )
            }
          />
          <ApprovalsPanel
            approvals={data.approvals}
            evaluation={data.evaluation}
            remaining={data.remainingApprovers}
            pending={pending}
            currentUserId={currentUserId}
          />
          <PolicySummary
            policy={data.policy}
            environmentName={environment.name}
            subjectKind={candidate?.kind ?? null}
          />
        </div>
      </div>
    </div>
  );
}
