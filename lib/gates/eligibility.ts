import type { CheckResult } from "./check-rules";
import { formatSpan } from "./format-span";

/**
 * The one answer to "may this person approve, reject or cancel this promotion, is it ready
 * to deploy, and if not, why not". Pure (no database, no clock of its own): the request page
 * uses it to explain disabled buttons, and every verb calls it again inside the transaction
 * that holds the request row locked, so the UI and the server can never disagree.
 */

export type GateStatus =
  | "pending"
  | "approved"
  | "deploying"
  | "deployed"
  | "failed"
  | "rejected"
  | "expired"
  | "cancelled";

export type EligibilityActor = { userId: string; role: string; permissions: ReadonlySet<string> };

export type EligibilityRequest = {
  requestedByUserId: string;
  status: GateStatus;
  emergency: boolean;
  expiresAt: Date;
};

export type EligibilityPolicy = {
  requiredApprovals: number;
  approverRoles: readonly string[];
  approverUserIds: readonly string[];
  allowSelfApproval: boolean;
  rejectionEndsRequest: boolean;
};

/** What an environment without a gate policy asks for. */
export const DEFAULT_POLICY: EligibilityPolicy = {
  requiredApprovals: 1,
  approverRoles: ["approver", "admin"],
  approverUserIds: [],
  allowSelfApproval: false,
  rejectionEndsRequest: true,
};

export type EligibilityApproval = { userId: string; decision: "approve" | "reject" };

/** `refusal` says how the server answers a refused action: 403 (who you are) or 409 (the request's state). */
export type Decision = { allowed: boolean; reasons: string[]; refusal: "forbidden" | "conflict" | null };

export type PromotionState =
  | "waiting_for_approvals"
  | "waiting_for_checks"
  | "blocked_by_checks"
  | "ready"
  | "expired"
  | "closed";

export type PromotionEvaluation = {
  state: PromotionState;
  /** One sentence for the top of the page. */
  summary: string;
  /** What the request still waits for (approvals, timers, windows), in words. */
  waitingFor: string[];
  /** Failing checks that keep it from deploying until the facts change. */
  blockedBy: string[];
  approvalsNeeded: number;
  approvalsGiven: number;
  approvalsRemaining: number;
  rejectionsGiven: number;
  quorumMet: boolean;
  checksPassed: boolean;
  /** Keys of checks an emergency request skips; recorded in the audit event when it deploys. */
  checksBypassed: string[];
  readyToDeploy: boolean;
  isExpired: boolean;
  /** This actor's approval, if allowed, would complete the quorum. */
  completesQuorum: boolean;
  canApprove: Decision;
  canReject: Decision;
  canCancel: Decision;
};

export type EvaluateInput = {
  actor: EligibilityActor;
  request: EligibilityRequest;
  policy: EligibilityPolicy | null;
  approvals: readonly EligibilityApproval[];
  checks: readonly CheckResult[];
  now: Date;
};

const CLOSED_REASON: Record<Exclude<GateStatus, "pending">, string> = {
  approved: "This request is already approved and deploying",
  deploying: "This request is already approved and deploying",
  deployed: "This request was already deployed",
  failed: "This request's deployment failed; ask for a new promotion",
  rejected: "This request was rejected",
  expired: "This request expired",
  cancelled: "This request was cancelled",
};

const decision = (conflicts: string[], forbidden: string[]): Decision => {
  const reasons = [...conflicts, ...forbidden];
  if (reasons.length === 0) return { allowed: true, reasons, refusal: null };
  return { allowed: false, reasons, refusal: conflicts.length > 0 ? "conflict" : "forbidden" };
};

/** Whether the policy names this person as an approver, by role or by name. */
export function isDesignatedApprover(
  policy: EligibilityPolicy | null,
  who: { userId: string; role: string },
) {
  const p = policy ?? DEFAULT_POLICY;
  return p.approverRoles.includes(who.role) || p.approverUserIds.includes(who.userId);
}

/** "Only approver, admin may approve here" / "… or the people the policy names". */
export function approverListReason(policy: EligibilityPolicy | null): string {
  const p = policy ?? DEFAULT_POLICY;
  const named = p.approverUserIds.length > 0;
  if (p.approverRoles.length === 0) return "Only the people this environment's policy names may approve here";
  return `Only ${p.approverRoles.join(", ")}${named ? " or the people the policy names" : ""} may approve here`;
}

/** Decides eligibility, quorum and readiness for one actor at one moment. */
export function evaluatePromotion(input: EvaluateInput): PromotionEvaluation {
  const { actor, request, approvals, checks, now } = input;
  const policy = input.policy ?? DEFAULT_POLICY;
  const needed = Math.max(1, policy.requiredApprovals);
  const given = new Set(approvals.filter((a) => a.decision === "approve").map((a) => a.userId)).size;
  const rejections = approvals.filter((a) => a.decision === "reject").length;
  const quorumMet = given >= needed;
  const pending = request.status === "pending";
  const msLeft = request.expiresAt.getTime() - now.getTime();
  const isExpired = pending && msLeft <= 0;

  // Emergency requests (admin, with a reason) skip checks but never quorum, expiry, or a
  // subject that no longer exists.
  const bypassable = (c: CheckResult) => request.emergency && c.kind !== "expiry" && c.kind !== "subject";
  const unmet = checks.filter((c) => c.status !== "passed");
  const checksBypassed = unmet.filter(bypassable).map((c) => c.key);
  const blocking = unmet.filter((c) => !bypassable(c));
  const failed = blocking.filter((c) => c.status === "failed");
  const checksPassed = unmet.length === 0;

  const waitingFor: string[] = [];
  if (!quorumMet) waitingFor.push(`${needed - given} more approval${needed - given === 1 ? "" : "s"}`);
  for (const c of blocking) if (c.status === "pending") waitingFor.push(c.waitingFor ?? c.label);
  const blockedBy = failed.map((c) => c.detail);

  let state: PromotionState;
  if (!pending) state = "closed";
  else if (isExpired) state = "expired";
  else if (!quorumMet) state = "waiting_for_approvals";
  else if (failed.length > 0) state = "blocked_by_checks";
  else if (blocking.length > 0) state = "waiting_for_checks";
  else state = "ready";

  const stateConflicts: string[] = [];
  if (!pending) stateConflicts.push(CLOSED_REASON[request.status as Exclude<GateStatus, "pending">]);
  else if (isExpired) stateConflicts.push(`Request expired ${formatSpan(msLeft)} ago`);

  const mine = approvals.find((a) => a.userId === actor.userId);
  const isRequester = actor.userId === request.requestedByUserId;
  const voteConflicts = [...stateConflicts];
  if (pending && mine)
    voteConflicts.push(
      mine.decision === "approve" ? "You already approved" : "You already rejected this request",
    );

  // Once the request itself refuses (closed or expired), who is asking no longer matters.
  const open = stateConflicts.length === 0;
  const who = (selfReason: string): string[] => {
    if (!open) return [];
    const reasons: string[] = [];
    if (isRequester && !policy.allowSelfApproval) reasons.push(selfReason);
    if (!actor.permissions.has("promotions:approve")) {
      reasons.push(`Your role (${actor.role}) does not allow approving or rejecting promotions`);
    } else if (!isDesignatedApprover(policy, actor)) {
      reasons.push(approverListReason(policy));
    }
    return reasons;
  };

  const canApprove = decision(
    voteConflicts,
    who("You asked for this promotion; this environment's policy does not allow self-approval"),
  );
  const canReject = decision(
    voteConflicts,
    who("You asked for this promotion; cancel it instead of rejecting it"),
  );
  const mayCancel =
    (isRequester && actor.permissions.has("promotions:request")) || actor.permissions.has("gates:write");
  const canCancel = decision(
    stateConflicts,
    open && !mayCancel ? ["Only the person who asked for this promotion or an admin can cancel it"] : [],
  );

  return {
    state,
    summary: summarize(state, request, [...waitingFor, ...blockedBy], msLeft),
    waitingFor: pending && !isExpired ? waitingFor : [],
    blockedBy: pending && !isExpired ? blockedBy : [],
    approvalsNeeded: needed,
    approvalsGiven: given,
    approvalsRemaining: Math.max(0, needed - given),
    rejectionsGiven: rejections,
    quorumMet,
    checksPassed,
    checksBypassed: request.emergency ? checksBypassed : [],
    readyToDeploy: state === "ready",
    isExpired,
    completesQuorum: pending && given + 1 >= needed && !quorumMet,
    canApprove,
    canReject,
    canCancel,
  };
}

function summarize(
  state: PromotionState,
  request: EligibilityRequest,
  outstanding: string[],
  msLeft: number,
) {
  switch (state) {
    case "closed":
      return CLOSED_REASON[request.status as Exclude<GateStatus, "pending">];
    case "expired":
      return `Request expired ${formatSpan(msLeft)} ago`;
    case "ready":
      return "Approved and every check passes: ready to deploy";
    case "blocked_by_checks":
      return `Approved, but a check fails: ${outstanding.join("; ")}`;
    default:
      return `Waiting for: ${outstanding.join("; ")}`;
  }
}
