import { describe, expect, it } from "vitest";
import { metricDirection, metricValue, prepareMetricByVersion } from "./prepare-metric-by-version";

describe("prepareMetricByVersion", () => {
  it("orders versions oldest first and keeps a missing metric as a gap, not zero", () => {
    const prepared = prepareMetricByVersion(
      [
        { version: 3, metrics: { auc: 0.9 } },
        { version: 1, metrics: { auc: 0.8 } },
        { version: 2, metrics: { loss: 0.2 } },
      ],
      "auc",
      "higher",
    );
    expect(prepared?.points).toEqual([
      { version: 1, label: "v1", value: 0.8 },
      { version: 2, label: "v2", value: null },
      { version: 3, label: "v3", value: 0.9 },
    ]);
    expect(prepared?.logged).toBe(2);
    expect(prepared?.summary).toBe(
      "auc across 3 versions (1 without it): best 0.9 (v3), latest 0.9 (v3), higher is better",
    );
  });

  it("picks the best by direction, and the earliest version on a tie", () => {
    const versions = [
      { version: 1, metrics: { rmse: 12 } },
      { version: 2, metrics: { rmse: 9 } },
      { version: 3, metrics: { rmse: 9 } },
      { version: 4, metrics: { rmse: 15 } },
    ];
    expect(prepareMetricByVersion(versions, "rmse", "lower")?.best).toEqual({ version: 2, value: 9 });
    expect(prepareMetricByVersion(versions, "rmse", "higher")?.best).toEqual({ version: 4, value: 15 });
    expect(prepareMetricByVersion(versions, "rmse", "lower")?.latest).toEqual({ version: 4, value: 15 });
  });

  it("treats text and non-finite values as gaps", () => {
    expect(metricValue({ auc: "n/a" }, "auc")).toBeNull();
    expect(metricValue({ auc: Number.NaN }, "auc")).toBeNull();
    expect(metricValue({ auc: 0 }, "auc")).toBe(0);
    const prepared = prepareMetricByVersion(
      [
        { version: 1, metrics: { auc: "n/a" } },
        { version: 2, metrics: { auc: 0 } },
      ],
      "auc",
      "higher",
    );
    expect(prepared?.points.map((p) => p.value)).toEqual([null, 0]);
    expect(prepared?.summary).toBe(
      "auc across 2 versions (1 without it): best 0 (v2), latest 0 (v2), higher is better",
    );
  });

  it("has nothing to draw without a metric or without any logged value", () => {
    expect(prepareMetricByVersion([{ version: 1, metrics: { auc: 1 } }], null, "higher")).toBeNull();
    expect(prepareMetricByVersion([], "auc", "higher")).toBeNull();
    expect(prepareMetricByVersion([{ version: 1, metrics: {} }], "auc", "higher")).toBeNull();
    expect(prepareMetricByVersion([{ version: 1, metrics: { auc: 0.5 } }], "auc", "lower")?.summary).toBe(
      "auc across 1 version: best 0.5 (v1), latest 0.5 (v1), lower is better",
    );
  });
});

describe("metricDirection", () => {
  it("uses the model's direction for its primary metric and guesses the others from the name", () => {
    const model = { primaryMetric: "val_loss", primaryMetricDirection: "higher" as const };
    expect(metricDirection("val_loss", model)).toBe("higher");
    for (const m of ["loss", "rmse", "latency_p95_ms", "error_rate", "eval/perplexity"])
      expect(metricDirection(m, model)).toBe("lower");
    for (const m of ["auc", "accuracy", "ndcg@10", "f1"]) expect(metricDirection(m, model)).toBe("higher");
  });
});
