import { describe, expect, it } from "vitest";
import { describeRateLimit, describeScope, syncProgress } from "./sync-format";

describe("syncProgress", () => {
  it("gives a percentage when the total is known", () => {
    expect(syncProgress(50, 200)).toEqual({ percent: 25, label: "50 of 200" });
    expect(syncProgress(1234, 1234)).toEqual({ percent: 100, label: "1,234 of 1,234" });
  });
  it("never passes 100 and has no percentage without a total", () => {
    expect(syncProgress(12, 10).percent).toBe(100);
    expect(syncProgress(7, null)).toEqual({ percent: null, label: "7 items" });
    expect(syncProgress(0, 0)).toEqual({ percent: 100, label: "0 items" });
  });
});

describe("describeScope", () => {
  it("names the kind and keeps the repository", () => {
    expect(describeScope("runs:acme/api")).toEqual({ what: "Runs and jobs", where: "acme/api" });
    expect(describeScope("deployments:group/sub/app")).toEqual({
      what: "Deployments",
      where: "group/sub/app",
    });
    expect(describeScope("mlflow:registered-models")).toEqual({ what: "mlflow", where: "registered-models" });
  });
});

describe("describeRateLimit", () => {
  it("reads like the design", () => {
    expect(
      describeRateLimit({ limit: 5000, remaining: 4812, resetAt: "2026-03-02T14:05:00.000Z" }, "UTC"),
    ).toBe("4,812 of 5,000 requests left, resets 14:05");
  });
  it("omits the reset when unknown, and says nothing without a limit", () => {
    expect(describeRateLimit({ limit: 2000, remaining: 0, resetAt: null })).toBe("0 of 2,000 requests left");
    expect(describeRateLimit(null)).toBeNull();
  });
});
