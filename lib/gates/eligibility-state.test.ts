import { describe, expect, it } from "vitest";
import { actorOf, evaluate, HOUR, NOW, REQUESTER } from "./eligibility-fixtures";

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
