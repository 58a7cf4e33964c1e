import { describe, expect, it } from "vitest";
import { formatMetricValue, prepareMetricSparkline } from "./prepare-metric-sparkline";

describe("prepareMetricSparkline", () => {
  it("orders versions and keeps missing values as gaps, not zeros", () => {
    const prepared = prepareMetricSparkline("accuracy", "higher", [
      { version: 3, value: 0.88 },
      { version: 1, value: 0.8123 },
      { version: 2, value: null },
    ]);
    expect(prepared?.points).toEqual([
      { version: 1, value: 0.8123 },
      { version: 2, value: null },
      { version: 3, value: 0.88 },
    ]);
    expect(prepared?.summary).toBe(
      "accuracy over 3 versions, from 0.812 (v1) to 0.88 (v3), higher is better",
    );
  });

  it("says so when only one version logged the metric", () => {
    const prepared = prepareMetricSparkline("rmse", "lower", [{ version: 4, value: 12.345 }]);
    expect(prepared?.summary).toBe("rmse logged by one version: 12.3 (v4), lower is better");
  });

  it("has nothing to draw without a primary metric or without logged values", () => {
    expect(prepareMetricSparkline(null, "higher", [{ version: 1, value: 1 }])).toBeNull();
    expect(prepareMetricSparkline("auc", "higher", [])).toBeNull();
    expect(prepareMetricSparkline("auc", "higher", [{ version: 1, value: null }])).toBeNull();
  });

  it("formats to three significant digits", () => {
    expect(formatMetricValue(0.87654)).toBe("0.877");
    expect(formatMetricValue(1234.5)).toBe("1230");
    expect(formatMetricValue(0)).toBe("0");
  });
});
