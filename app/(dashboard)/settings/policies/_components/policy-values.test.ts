import { describe, expect, it } from "vitest";
import { fromFormValues, toFormValues } from "./policy-values";

describe("policy form values", () => {
  it("starts from the defaults when the environment has no policy", () => {
    const v = toFormValues(null);
    expect(v).toMatchObject({
      requiredApprovals: "1",
      approverRoles: ["approver", "admin"],
      allowSelfApproval: false,
      rejectionEndsRequest: true,
      noFiringAlerts: false,
      requireSuccessfulCi: false,
      windowEnabled: false,
      expiryHours: "72",
    });
    expect(fromFormValues("env", v)).toMatchObject({
      deployWindow: null,
      requiredApprovals: 1,
      waitMinutes: 0,
    });
  });

  it("round-trips a stored policy, showing relative thresholds in percent", () => {
    const stored = {
      requiredApprovals: 2,
      approverRoles: ["admin"],
      approverUserIds: ["u1"],
      allowSelfApproval: true,
      rejectionEndsRequest: false,
      checks: {
        metricThresholds: [
          { metric: "p95_ms", direction: "lower" as const, maxRegression: 0.1, mode: "relative" as const },
          {
            metric: "accuracy",
            direction: "higher" as const,
            maxRegression: 0.005,
            mode: "absolute" as const,
          },
        ],
        noFiringAlerts: false,
        requireSuccessfulCi: true,
      },
      waitMinutes: 30,
      deployWindow: { days: [1, 3], startHour: 22, endHour: 6, timeZone: "Europe/Berlin" },
      expiryHours: 24,
    };
    const v = toFormValues(stored);
    expect(v.thresholds.map((t) => t.maxRegression)).toEqual(["10", "0.005"]);
    const { environmentId, ...back } = fromFormValues("env-1", v);
    expect(environmentId).toBe("env-1");
    expect(back).toEqual(stored);
  });

  it("turns blank numbers into NaN so the server refuses them", () => {
    const v = { ...toFormValues(null), requiredApprovals: " ", expiryHours: "abc" };
    const input = fromFormValues("env", v);
    expect(input.requiredApprovals).toBeNaN();
    expect(input.expiryHours).toBeNaN();
  });
});
