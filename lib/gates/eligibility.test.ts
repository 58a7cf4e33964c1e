import { describe, expect, it } from "vitest";
import { ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import type { CheckResult } from "./check-rules";
import {
  DEFAULT_POLICY,
  type EligibilityApproval,
  type EligibilityPolicy,
  type EvaluateInput,
  evaluatePromotion,
  type GateStatus,
} from "./eligibility";

const NOW = new Date("2026-03-02T12:00:00Z");
const HOUR = 3_600_000;
type Role = keyof typeof ROLE_PERMISSIONS;

const actorOf = (userId: string, role: Role) => ({ userId, role, permissions: ROLE_PERMISSIONS[role] });
const REQUESTER = "u-requester";
const passed = (key: string): CheckResult => ({
  key,
  kind: "metric",
  label: key,
  status: "passed",
  detail: "ok",
});
const failedCheck = (key: string, kind: CheckResult["kind"] = "metric"): CheckResult => ({
  key,
  kind,
  label: key,
  status: "failed",
  detail: `${key} is worse`,
});
const waitPending: CheckResult = {
  key: "wait",
  kind: "wait",
  label: "Wait 30 min after the request",
  status: "pending",
  detail: "Wait timer: 12 min left.",
  waitingFor: "wait timer (12 min left)",
};
const approve = (userId: string): EligibilityApproval => ({ userId, decision: "approve" });
const reject = (userId: string): EligibilityApproval => ({ userId, decision: "reject" });

function evaluate(overrides: Partial<EvaluateInput> & { status?: GateStatus; emergency?: boolean } = {}) {
  const { status = "pending", emergency = false, ...rest } = overrides;
  return evaluatePromotion({
    actor: actorOf("u-approver", "approver"),
    request: {
      requestedByUserId: REQUESTER,
      status,
      emergency,
      expiresAt: new Date(NOW.getTime() + 24 * HOUR),
    },
    policy: null,
    approvals: [],
    checks: [passed("metric:auc")],
    now: NOW,
    ...rest,
  });
}
const policy = (p: Partial<EligibilityPolicy>): EligibilityPolicy => ({ ...DEFAULT_POLICY, ...p });

describe("evaluatePromotion: who may approve", () => {
  const SELF = "You asked for this promotion; this environment's policy does not allow self-approval";
  it.each([
    { name: "an approver", actor: actorOf("a", "approver"), p: null, allowed: true, reasons: [] },
    { name: "an admin", actor: actorOf("a", "admin"), p: null, allowed: true, reasons: [] },
    {
      name: "a viewer",
      actor: actorOf("a", "viewer"),
      p: null,
      allowed: false,
      reasons: ["Your role (viewer) does not allow approving or rejecting promotions"],
    },
    {
      name: "an engineer",
      actor: actorOf("a", "engineer"),
      p: null,
      allowed: false,
      reasons: ["Your role (engineer) does not allow approving or rejecting promotions"],
    },
    {
      name: "the requester, by default",
      actor: actorOf(REQUESTER, "approver"),
      p: null,
      allowed: false,
      reasons: [SELF],
    },
    {
      name: "an engineer requester sees the self-approval reason first",
      actor: actorOf(REQUESTER, "engineer"),
      p: null,
      allowed: false,
      reasons: [SELF, "Your role (engineer) does not allow approving or rejecting promotions"],
    },
    {
      name: "the requester, when the policy allows self-approval",
      actor: actorOf(REQUESTER, "approver"),
      p: policy({ allowSelfApproval: true }),
      allowed: true,
      reasons: [],
    },
    {
      name: "an approver when only admins may approve",
      actor: actorOf("a", "approver"),
      p: policy({ approverRoles: ["admin"] }),
      allowed: false,
      reasons: ["Only admin may approve here"],
    },
    {
      name: "an approver named by the policy, though their role is not listed",
      actor: actorOf("u-priya", "approver"),
      p: policy({ approverRoles: ["admin"], approverUserIds: ["u-priya"] }),
      allowed: true,
      reasons: [],
    },
    {
      name: "an approver not among the named people",
      actor: actorOf("u-omar", "approver"),
      p: policy({ approverRoles: [], approverUserIds: ["u-priya"] }),
      allowed: false,
      reasons: ["Only the people this environment's policy names may approve here"],
    },
    {
      // The permission comes first: a named engineer still lacks promotions:approve.
      name: "a named engineer",
      actor: actorOf("u-erin", "engineer"),
      p: policy({ approverUserIds: ["u-erin"] }),
      allowed: false,
      reasons: ["Your role (engineer) does not allow approving or rejecting promotions"],
    },
  ])("$name: allowed=$allowed", ({ actor, p, allowed, reasons }) => {
    const result = evaluate({ actor, policy: p });
    expect(result.canApprove).toEqual({ allowed, reasons, refusal: allowed ? null : "forbidden" });
  });

  it("refuses a second decision by the same person, as a conflict", () => {
    const approved = evaluate({ approvals: [approve("u-approver")] });
    expect(approved.canApprove).toEqual({
      allowed: false,
      reasons: ["You already approved"],
      refusal: "conflict",
    });
    expect(approved.canReject.reasons).toEqual(["You already approved"]);
    const rejected = evaluate({
      policy: policy({ rejectionEndsRequest: false }),
      approvals: [reject("u-approver")],
    });
    expect(rejected.canApprove.reasons).toEqual(["You already rejected this request"]);
  });

  it("lets a token without the approve scope see why, whatever the role", () => {
    const narrowed = { userId: "a", role: "approver", permissions: new Set(["promotions:read"]) };
    expect(evaluate({ actor: narrowed }).canApprove.reasons).toEqual([
      "Your role (approver) does not allow approving or rejecting promotions",
    ]);
  });
});

describe("evaluatePromotion: request state", () => {
  it.each([
    ["approved", "This request is already approved and deploying"],
    ["deploying", "This request is already approved and deploying"],
    ["deployed", "This request was already deployed"],
    ["failed", "This request's deployment failed; ask for a new promotion"],
    ["rejected", "This request was rejected"],
    ["expired", "This request expired"],
    ["cancelled", "This request was cancelled"],
  ] as const)("a %s request refuses every action with one reason", (status, reason) => {
    // Even the requester gets only the state reason: who they are no longer matters.
    const result = evaluate({ status, actor: actorOf(REQUESTER, "engineer") });
    for (const d of [result.canApprove, result.canReject, result.canCancel]) {
      expect(d).toEqual({ allowed: false, reasons: [reason], refusal: "conflict" });
    }
    expect(result).toMatchObject({ state: "closed", summary: reason, readyToDeploy: false, waitingFor: [] });
  });

  it("treats a pending request past its expiry as expired, saying how long ago", () => {
    const result = evaluate({ now: new Date(NOW.getTime() + 26 * HOUR) });
    expect(result.isExpired).toBe(true);
    expect(result.state).toBe("expired");
    expect(result.canApprove).toEqual({
      allowed: false,
      reasons: ["Request expired 2 h ago"],
      refusal: "conflict",
    });
    expect(result.canCancel.reasons).toEqual(["Request expired 2 h ago"]);
    expect(result.summary).toBe("Request expired 2 h ago");
  });

  it("expires exactly at expiresAt", () => {
    expect(evaluate({ now: new Date(NOW.getTime() + 24 * HOUR) }).isExpired).toBe(true);
    expect(evaluate({ now: new Date(NOW.getTime() + 24 * HOUR - 1) }).isExpired).toBe(false);
  });
});

describe("evaluatePromotion: quorum and checks", () => {
  it.each([
    { needed: 1, approvals: [], given: 0, met: false, completes: true, remaining: 1 },
    { needed: 2, approvals: [approve("p")], given: 1, met: false, completes: true, remaining: 1 },
    { needed: 3, approvals: [approve("p")], given: 1, met: false, completes: false, remaining: 2 },
    {
      needed: 2,
      approvals: [approve("p"), approve("o")],
      given: 2,
      met: true,
      completes: false,
      remaining: 0,
    },
    // Rejections never count toward quorum, and a duplicate row for one person counts once.
    {
      needed: 2,
      approvals: [approve("p"), reject("o")],
      given: 1,
      met: false,
      completes: true,
      remaining: 1,
    },
    {
      needed: 2,
      approvals: [approve("p"), approve("p")],
      given: 1,
      met: false,
      completes: true,
      remaining: 1,
    },
    // A policy asking for 0 approvals still needs one person to say yes.
    { needed: 0, approvals: [], given: 0, met: false, completes: true, remaining: 1 },
  ])("needs $needed, has $approvals.length decisions: $given given, quorum $met", (t) => {
    const result = evaluate({
      policy: policy({ requiredApprovals: t.needed, rejectionEndsRequest: false }),
      approvals: t.approvals,
    });
    expect(result.approvalsGiven).toBe(t.given);
    expect(result.quorumMet).toBe(t.met);
    expect(result.completesQuorum).toBe(t.completes);
    expect(result.approvalsRemaining).toBe(t.remaining);
  });

  it("is ready only when quorum is met and every check passes", () => {
    const ready = evaluate({ approvals: [approve("p")] });
    expect(ready).toMatchObject({ state: "ready", readyToDeploy: true, checksPassed: true, waitingFor: [] });
    expect(ready.summary).toBe("Approved and every check passes: ready to deploy");
  });

  it("waits for approvals and pending checks together, and names them", () => {
    const result = evaluate({ policy: policy({ requiredApprovals: 2 }), checks: [passed("a"), waitPending] });
    expect(result.state).toBe("waiting_for_approvals");
    expect(result.waitingFor).toEqual(["2 more approvals", "wait timer (12 min left)"]);
    expect(result.summary).toBe("Waiting for: 2 more approvals; wait timer (12 min left)");
    // Checks never stop someone from approving: the approval is recorded, the deploy waits.
    expect(result.canApprove.allowed).toBe(true);
  });

  it("holds an approved request while a check is pending or failing", () => {
    const waiting = evaluate({ approvals: [approve("p")], checks: [waitPending] });
    expect(waiting).toMatchObject({ state: "waiting_for_checks", quorumMet: true, readyToDeploy: false });
    const blocked = evaluate({ approvals: [approve("p")], checks: [failedCheck("metric:auc")] });
    expect(blocked).toMatchObject({ state: "blocked_by_checks", readyToDeploy: false, checksPassed: false });
    expect(blocked.blockedBy).toEqual(["metric:auc is worse"]);
    expect(blocked.summary).toBe("Approved, but a check fails: metric:auc is worse");
  });

  it("lets an emergency request skip checks but never quorum or expiry", () => {
    const checks = [failedCheck("metric:auc"), waitPending];
    const short = evaluate({
      emergency: true,
      policy: policy({ requiredApprovals: 2 }),
      approvals: [approve("p")],
      checks,
    });
    expect(short).toMatchObject({
      state: "waiting_for_approvals",
      readyToDeploy: false,
      waitingFor: ["1 more approval"],
    });
    const met = evaluate({ emergency: true, approvals: [approve("p")], checks });
    expect(met).toMatchObject({ state: "ready", readyToDeploy: true, checksPassed: false });
    expect(met.checksBypassed).toEqual(["metric:auc", "wait"]);
    const expiredCheck = failedCheck("expiry", "expiry");
    expect(
      evaluate({ emergency: true, approvals: [approve("p")], checks: [expiredCheck] }).readyToDeploy,
    ).toBe(false);
    expect(evaluate({ approvals: [approve("p")], checks }).checksBypassed).toEqual([]);
  });
});

describe("evaluatePromotion: reject and cancel", () => {
  it("lets approvers reject but not the requester, who cancels instead", () => {
    expect(evaluate().canReject.allowed).toBe(true);
    expect(evaluate({ actor: actorOf(REQUESTER, "approver") }).canReject.reasons).toEqual([
      "You asked for this promotion; cancel it instead of rejecting it",
    ]);
    expect(evaluate({ actor: actorOf("v", "viewer") }).canReject.refusal).toBe("forbidden");
  });

  it.each([
    { name: "the requester", actor: actorOf(REQUESTER, "engineer"), allowed: true },
    { name: "an admin", actor: actorOf("x", "admin"), allowed: true },
    { name: "another approver", actor: actorOf("x", "approver"), allowed: false },
    { name: "a viewer who somehow asked", actor: actorOf(REQUESTER, "viewer"), allowed: false },
  ])("cancel by $name: $allowed", ({ actor, allowed }) => {
    const result = evaluate({ actor });
    expect(result.canCancel.allowed).toBe(allowed);
    if (!allowed) {
      expect(result.canCancel.reasons).toEqual([
        "Only the person who asked for this promotion or an admin can cancel it",
      ]);
    }
  });
});
