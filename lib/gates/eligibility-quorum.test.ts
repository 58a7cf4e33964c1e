import { describe, expect, it } from "vitest";
import { approve, evaluate, failedCheck, passed, policy, reject, waitPending } from "./eligibility-fixtures";

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
