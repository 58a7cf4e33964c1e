import { describe, expect, it } from "vitest";
import { actorOf, approve, evaluate, policy, REQUESTER, reject } from "./eligibility-fixtures";

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
