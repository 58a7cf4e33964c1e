import { describe, expect, it } from "vitest";
import {
  ciCheck,
  expiryCheck,
  firingAlertsCheck,
  formatMetricValue,
  type MetricThreshold,
  metricRegression,
  metricThresholdCheck,
  waitTimerCheck,
} from "./check-rules";
import { formatSpan } from "./format-span";

const AUC: MetricThreshold = { metric: "auc", direction: "higher", maxRegression: 0.005, mode: "absolute" };
const LATENCY: MetricThreshold = {
  metric: "p95_ms",
  direction: "lower",
  maxRegression: 0.1,
  mode: "relative",
};
const current = (metrics: Record<string, number>) => ({ label: "fraud v10", metrics });

describe("metricRegression", () => {
  it.each([
    { rule: AUC, candidate: 0.95, current: 0.952, expected: 0.002 },
    { rule: AUC, candidate: 0.96, current: 0.952, expected: -0.008 },
    { rule: LATENCY, candidate: 11, current: 10, expected: 0.1 },
    { rule: LATENCY, candidate: 9, current: 10, expected: -0.1 },
    { rule: { ...LATENCY, direction: "higher" as const }, candidate: 9, current: 10, expected: 0.1 },
    { rule: LATENCY, candidate: 1, current: 0, expected: Number.POSITIVE_INFINITY },
    { rule: LATENCY, candidate: 0, current: 0, expected: 0 },
  ])(
    "$rule.metric $rule.mode: $candidate vs $current → $expected",
    ({ rule, candidate, current, expected }) => {
      expect(metricRegression(rule, candidate, current)).toBeCloseTo(expected, 9);
    },
  );
});

describe("metricThresholdCheck", () => {
  it.each([
    {
      name: "better",
      candidate: 0.9547,
      status: "passed",
      detail: "auc 0.9547 vs 0.9521 for fraud v10 (+0.0026).",
    },
    {
      name: "equal",
      candidate: 0.9521,
      status: "passed",
      detail: "auc 0.9521 vs 0.9521 for fraud v10 (±0).",
    },
    // Exactly at the limit passes, despite 0.9521 - 0.9471 not being exactly 0.005 in floats.
    {
      name: "at the limit",
      candidate: 0.9471,
      status: "passed",
      detail: "auc 0.9471 vs 0.9521 for fraud v10 (-0.005).",
    },
    {
      name: "past the limit",
      candidate: 0.9401,
      status: "failed",
      detail: "auc is 0.012 lower (0.9401 vs 0.9521 for fraud v10); the policy allows at most 0.005.",
    },
  ])("absolute, higher is better: $name", ({ candidate, status, detail }) => {
    const result = metricThresholdCheck(AUC, { auc: candidate }, current({ auc: 0.9521 }), "Production");
    expect(result).toEqual({
      key: "metric:auc",
      kind: "metric",
      label: "auc at most 0.005 lower than Production",
      status,
      detail,
    });
  });

  it.each([
    { candidate: 10.8, status: "passed", detail: "p95_ms 10.8 vs 11.4 for fraud v10 (-5.263%)." },
    { candidate: 12.5, status: "passed", detail: "p95_ms 12.5 vs 11.4 for fraud v10 (+9.649%)." },
    {
      candidate: 12.6,
      status: "failed",
      detail: "p95_ms is 10.53% higher (12.6 vs 11.4 for fraud v10); the policy allows at most 10%.",
    },
  ])("relative, lower is better: $candidate vs 11.4 → $status", ({ candidate, status, detail }) => {
    const result = metricThresholdCheck(
      LATENCY,
      { p95_ms: candidate },
      current({ p95_ms: 11.4 }),
      "Production",
    );
    expect(result.label).toBe("p95_ms at most 10% higher than Production");
    expect(result).toMatchObject({ status, detail });
  });

  it("fails a candidate without the metric; passes when there is nothing to compare against", () => {
    expect(metricThresholdCheck(AUC, {}, current({ auc: 0.95 }), "Production")).toMatchObject({
      status: "failed",
      detail: "The candidate has no auc metric to compare.",
    });
    expect(metricThresholdCheck(AUC, { auc: 0.9 }, null, "Production")).toMatchObject({
      status: "passed",
      detail: "Nothing runs in Production yet to compare against.",
    });
    expect(metricThresholdCheck(AUC, { auc: 0.9 }, current({ recall: 0.8 }), "Production")).toMatchObject({
      status: "passed",
      detail: "fraud v10 has no auc to compare against.",
    });
  });

  it("does not apply a threshold that neither version reports (an embedder has no auc)", () => {
    for (const running of [current({ recall: 0.8 }), null]) {
      expect(metricThresholdCheck(AUC, { recall: 0.81 }, running, "Production")).toMatchObject({
        status: "passed",
        detail: "Not applicable: neither the candidate nor what runs in Production reports auc.",
      });
    }
  });
});

describe("firingAlertsCheck and ciCheck", () => {
  it("names the firing alerts", () => {
    expect(firingAlertsCheck([], "Production")).toMatchObject({ status: "passed" });
    expect(
      firingAlertsCheck(
        [
          { name: "High error rate", severity: "critical" },
          { name: "Drift", severity: "warning" },
        ],
        "Production",
      ),
    ).toMatchObject({
      status: "failed",
      detail: "2 alerts are firing in Production: High error rate (critical), Drift (warning).",
    });
  });

  const run = (status: string, runNumber: number | null = 41) => ({ status, runNumber, pipelineName: "CI" });
  it.each([
    {
      sha: "abcdef1234",
      runs: [run("failed", 42), run("succeeded")],
      status: "passed",
      detail: "CI #41 passed for abcdef1.",
    },
    {
      sha: "abcdef1234",
      runs: [run("running", null)],
      status: "pending",
      detail: "CI is still running for abcdef1.",
    },
    {
      sha: "abcdef1234",
      runs: [run("failed", 42), run("cancelled")],
      status: "failed",
      detail: "No successful CI run for abcdef1; the latest, CI #42, failed.",
    },
    { sha: "abcdef1234", runs: [], status: "failed", detail: "No CI run has been reported for abcdef1." },
    { sha: null, runs: [], status: "failed", detail: "The release has no commit to check CI for." },
  ])("CI for $sha with $runs.length runs → $status", ({ sha, runs, status, detail }) => {
    expect(ciCheck(sha, runs)).toMatchObject({ status, detail });
  });
});

describe("time checks", () => {
  const created = new Date("2026-03-02T12:00:00Z");
  const at = (minutes: number) => new Date(created.getTime() + minutes * 60_000);

  it("has no wait check without a wait, and counts the wait down", () => {
    expect(waitTimerCheck(created, 0, at(0))).toBeNull();
    expect(waitTimerCheck(created, 30, at(18))).toMatchObject({
      status: "pending",
      detail: "Wait timer: 12 min left.",
      waitingFor: "wait timer (12 min left)",
      label: "Wait 30 min after the request",
    });
    expect(waitTimerCheck(created, 30, at(30))).toMatchObject({ status: "passed" });
  });

  it("expires at expiresAt", () => {
    expect(expiryCheck(at(60), at(0))).toMatchObject({ status: "passed", detail: "Expires in 1 h." });
    expect(expiryCheck(at(60), at(180))).toMatchObject({
      status: "failed",
      detail: "The request expired 2 h ago.",
    });
  });

  it.each([
    [0, "1 min"],
    [30_000, "1 min"],
    [12 * 60_000, "12 min"],
    [125 * 60_000, "2 h 5 min"],
    [11 * 60 * 60_000 + 60_000, "11 h"],
    [50 * 60 * 60_000, "2 d 2 h"],
    [72 * 60 * 60_000, "3 d"],
  ])("formatSpan(%i) = %s", (ms, text) => {
    expect(formatSpan(ms)).toBe(text);
  });

  it("formats metric values without float noise", () => {
    expect(formatMetricValue(0.0026000000000000467)).toBe("0.0026");
    expect(formatMetricValue(10.8)).toBe("10.8");
    expect(formatMetricValue(12345.6)).toBe("12346");
  });
});
