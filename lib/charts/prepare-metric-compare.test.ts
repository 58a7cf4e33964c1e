import { describe, expect, it } from "vitest";
import { COMPARE_FILLS, guessDirection, prepareMetricCompare } from "./prepare-metric-compare";

describe("guessDirection", () => {
  it.each([
    ["auc", "higher"],
    ["recall", "higher"],
    ["ndcg@10", "higher"],
    ["log_loss", "lower"],
    ["val_loss", "lower"],
    ["latency_p95_ms", "lower"],
    ["rmse", "lower"],
    ["error_rate", "lower"],
  ] as const)("%s → %s is better", (metric, direction) => {
    expect(guessDirection(metric)).toBe(direction);
  });
});

describe("prepareMetricCompare", () => {
  const candidate = { auc: 0.9547, log_loss: 0.1963, recall: 0.8184, latency_p95_ms: 12 };
  const current = { auc: 0.9521, log_loss: 0.1996, recall: 0.8184, latency_p95_ms: 10, precision: 0.87 };

  it("colours the candidate by direction-aware verdict and keeps missing metrics as gaps", () => {
    const { rows } = prepareMetricCompare(candidate, current, {}, ["auc"]);
    expect(rows.map((r) => [r.metric, r.verdict])).toEqual([
      ["auc", "better"],
      ["latency_p95_ms", "worse"],
      ["log_loss", "better"],
      ["precision", "unknown"],
      ["recall", "same"],
    ]);
    const auc = rows[0]!;
    expect(auc.delta).toBeCloseTo(0.0026, 10);
    expect(auc.relativeDelta).toBeCloseTo(0.0026 / 0.9521, 10);
    expect(auc.candidateFill).toBe(COMPARE_FILLS.better);
    expect(rows[1]!.candidateFill).toBe(COMPARE_FILLS.worse);
    const precision = rows[3]!;
    expect(precision).toMatchObject({ candidate: null, current: 0.87, delta: null, relativeDelta: null });
    expect(precision.candidateFill).toBe(COMPARE_FILLS.neutral);
  });

  it("lets known directions override the guess", () => {
    const { rows } = prepareMetricCompare({ drift: 0.3 }, { drift: 0.2 }, { drift: "higher" });
    expect(rows[0]!.verdict).toBe("better");
  });

  it("groups 0–1 scores on one axis and gives other units their own", () => {
    const { groups } = prepareMetricCompare(candidate, current);
    expect(groups.map((g) => [g.key, g.rows.map((r) => r.metric)])).toEqual([
      ["unit", ["auc", "log_loss", "precision", "recall"]],
      ["latency_p95_ms", ["latency_p95_ms"]],
    ]);
  });

  it("compares against nothing when nothing runs there, and has no relative delta against zero", () => {
    const alone = prepareMetricCompare({ auc: 0.9 }, null);
    expect(alone.rows[0]).toMatchObject({ current: null, verdict: "unknown" });
    expect(alone.summary).toBe("1 metric; nothing runs in this environment to compare against.");
    const zero = prepareMetricCompare({ errors: 2 }, { errors: 0 });
    expect(zero.rows[0]).toMatchObject({ delta: 2, relativeDelta: null, verdict: "worse" });
  });

  it("summarises for screen readers", () => {
    expect(prepareMetricCompare(candidate, current).summary).toBe(
      "5 metrics compared: 2 better, 1 worse, 2 unchanged or missing on one side.",
    );
  });
});
