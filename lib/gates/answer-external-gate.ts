import "server-only";
import { and, desc, eq, isNotNull, lt, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import { systemActor } from "@/lib/auth/actor";
import { open } from "@/lib/crypto/secret-box";
import type { Executor } from "@/lib/db/client";
import { approvals, type ExternalGate, promotionRequests } from "@/lib/db/schema";
import { logger } from "@/lib/log";
import { answerAzureCheck } from "@/lib/providers/azure-devops/answer-check";
import { answerGitHubProtectionRule } from "@/lib/providers/github/answer-protection-rule";
import { answerGitLabDeploymentApproval } from "@/lib/providers/gitlab/answer-deployment-approval";
import type { GateAnswer } from "@/lib/providers/shared/answer-gate-call";
import { isRetryableProviderError } from "@/lib/providers/shared/provider-error";
import { loadProviderCredentials } from "@/lib/providers/start-run";

export type AnswerOutcome = "answered" | "skipped" | "failed";
const actor = systemActor("gate-answer");
const APPROVED = new Set(["approved", "deploying", "deployed", "failed"]);
const CONNECTION_KIND = { github: "github", gitlab: "gitlab", azure_devops: "azure_devops" } as const;

async function comment(db: Executor, requestId: string, status: string): Promise<string> {
  if (status === "expired") return "The Tandem promotion request expired without a decision.";
  if (status === "cancelled") return "The Tandem promotion request was cancelled.";
  const [last] = await db
    .select({ comment: approvals.comment, decision: approvals.decision })
    .from(approvals)
    .where(eq(approvals.requestId, requestId))
    .orderBy(desc(approvals.createdAt))
    .limit(1);
  const verdict = APPROVED.has(status) ? "Approved in Tandem" : "Rejected in Tandem";
  return last?.comment ? `${verdict}: ${last.comment}` : `${verdict}.`;
}

/** Calls the provider named by the gate; throws AppError on failure. */
async function tell(db: Executor, gate: ExternalGate, answer: GateAnswer): Promise<void> {
  const r = gate.ref;
  if (gate.provider === "azure_devops") {
    return answerAzureCheck(
      {
        planUrl: String(r.planUrl ?? gate.callbackUrl ?? ""),
        projectId: String(r.projectId),
        hubName: String(r.hubName),
        planId: String(r.planId),
        jobId: String(r.jobId),
        taskInstanceId: String(r.taskInstanceId),
        authToken: open(String(r.authTokenSealed)),
      },
      answer,
    );
  }
  const { baseUrl, token } = await loadProviderCredentials(
    db,
    gate.connectionId,
    CONNECTION_KIND[gate.provider],
  );
  if (gate.provider === "github") {
    return answerGitHubProtectionRule(
      { baseUrl, token, callbackUrl: gate.callbackUrl!, environmentName: String(r.environmentName) },
      answer,
    );
  }
  return answerGitLabDeploymentApproval(
    { baseUrl, token, projectId: r.projectId!, deploymentId: Number(r.deploymentId) },
    answer,
  );
}

/**
 * The one place a decision on an externally gated request reaches its provider: GitHub's
 * protection-rule callback, GitLab's deployment approval, Azure DevOps's check event. Runs
 * as the gate-answer job after the deciding transaction committed. Exactly once: the
 * answer is recorded (external_gate.answeredAt) only if not already there, and a request
 * already answered is skipped. A provider outage throws for pg-boss to retry; a refusal, or
 * the last attempt, records why in the audit log and stops.
 */
export async function answerExternalGate(
  db: Executor,
  requestId: string,
  options: { finalAttempt: boolean; now?: () => Date },
): Promise<AnswerOutcome> {
  const now = options.now ?? (() => new Date());
  const [request] = await db.select().from(promotionRequests).where(eq(promotionRequests.id, requestId));
  const gate = request?.externalGate;
  if (!request || !gate || gate.answeredAt || gate.ref.answerFailed || request.status === "pending")
    return "skipped";
  const approved = APPROVED.has(request.status);
  const answer: GateAnswer = { approved, comment: await comment(db, requestId, request.status) };
  let failure: string | null = null;
  try {
    await tell(db, gate, answer);
  } catch (error) {
    if (isRetryableProviderError(error) && !options.finalAttempt) {
      logger.warn({ err: error, requestId }, "gate answer failed; will retry");
      throw error;
    }
    failure = error instanceof Error ? error.message : String(error);
  }
  const at = now().toISOString();
  const next: ExternalGate = failure
    ? { ...gate, ref: { ...gate.ref, answerFailed: failure.slice(0, 500) } }
    : { ...gate, answeredAt: at };
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(promotionRequests)
      .set({ externalGate: next })
      .where(
        and(
          eq(promotionRequests.id, requestId),
          sql`${promotionRequests.externalGate}->>'answeredAt' is null`,
        ),
      )
      .returning({ id: promotionRequests.id });
    if (!updated) return;
    await recordAudit(tx, actor, {
      action: failure ? "promotion.gate_answer_failed" : "promotion.gate_answer",
      targetType: "promotion_request",
      targetId: requestId,
      projectId: request.projectId,
      data: { provider: gate.provider, state: approved ? "approved" : "rejected", error: failure },
    });
  });
  return failure ? "failed" : "answered";
}

/** Decided, externally gated requests whose answer has not gone out a minute on (a lost job). */
export async function findUnansweredGates(db: Executor, now: Date): Promise<string[]> {
  const rows = await db
    .select({ id: promotionRequests.id })
    .from(promotionRequests)
    .where(
      and(
        isNotNull(promotionRequests.externalGate),
        sql`${promotionRequests.status} <> 'pending'`,
        sql`${promotionRequests.externalGate}->>'answeredAt' is null`,
        sql`${promotionRequests.externalGate}->'ref'->>'answerFailed' is null`,
        lt(promotionRequests.updatedAt, new Date(now.getTime() - 60_000)),
      ),
    )
    .limit(200);
  return rows.map((r) => r.id);
}
