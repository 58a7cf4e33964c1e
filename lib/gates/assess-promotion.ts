import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import type { CheckResult } from "./check-rules";
import { type EligibilityApproval, evaluatePromotion, type PromotionEvaluation } from "./eligibility";
import { evaluateChecks } from "./evaluate-checks";
import type { LoadedPromotion } from "./load-promotion";
import { type CurrentDeployment, loadCurrentDeployment, loadSubject, type Subject } from "./load-subjects";

export type Assessment = {
  /** When the evidence is from: now while pending, the moment of the decision once decided. */
  asOf: Date;
  candidate: Subject | null;
  current: CurrentDeployment | null;
  checks: CheckResult[];
  evaluation: PromotionEvaluation;
};

/** The pure eligibility function over a loaded request; `approvals` overrides what was loaded. */
export function evaluateFor(
  actor: Actor,
  loaded: LoadedPromotion,
  checks: CheckResult[],
  now: Date,
  approvals: readonly EligibilityApproval[] = loaded.approvals,
): PromotionEvaluation {
  return evaluatePromotion({
    actor: { userId: actor.userId, role: actor.role, permissions: actor.permissions },
    request: loaded.request,
    policy: loaded.policy,
    approvals,
    checks,
    now,
  });
}

/**
 * Everything a decision needs about one request at one moment: the candidate, what runs in
 * the environment now, the checks, and eligibility for this actor. Verbs call it inside
 * their transaction, after locking the request. A decided request keeps the evidence it was
 * decided on: compared with what ran before the decision (not with itself once deployed),
 * and timed checks as they stood then.
 */
export async function assessPromotion(
  db: Executor,
  actor: Actor,
  loaded: LoadedPromotion,
  now: Date,
): Promise<Assessment> {
  const { status, decidedAt } = loaded.request;
  const frozen = status !== "pending" && decidedAt !== null;
  const asOf = frozen ? decidedAt : now;
  const candidate = await loadSubject(db, loaded.request);
  const current = candidate
    ? await loadCurrentDeployment(db, loaded.environment.id, candidate, frozen ? { before: asOf } : {})
    : null;
  const checks = await evaluateChecks(db, loaded, candidate, current, asOf);
  return { asOf, candidate, current, checks, evaluation: evaluateFor(actor, loaded, checks, now) };
}
