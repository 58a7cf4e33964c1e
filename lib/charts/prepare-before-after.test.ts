import { describe, expect, it } from "vitest";
import { percentile, prepareBeforeAfter } from "./prepare-before-after";
import type { SeriesReadingInput } from "./prepare-series";

const MIN = 60_000;
const at = Date.UTC(2026, 2, 1, 12, 0);

function reading(buckets: [number, number, number, number, number][]): SeriesReadingInput {
  return {
    from: new Date(at - 30 * MIN).toISOString(),
    to: new Date(at + 30 * MIN).toISOString(),
    origin: new Date(at - 30 * MIN).toISOString(),
    bucketMs: MIN,
    series: [{ id: "s", name: "latency_p95_ms", unit: "ms", labels: {}, buckets }],
  };
}

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
  });
});

describe("prepareBeforeAfter", () => {
  it("weights the mean by count and shows the change", () => {
    const b = (min: number, avg: number, count: number) =>
      [at + min * MIN, avg, avg, avg, count] as [number, number, number, number, number];
    const chart = prepareBeforeAfter(
      reading([b(-20, 100, 1), b(-10, 200, 3), b(-40, 9999, 1), b(0, 300, 2), b(10, 300, 2), b(30, 1, 1)]),
      at,
      30 * MIN,
    );
    const row = chart.rows[0]!;
    // -40 min is outside the window; +30 min starts the next window.
    expect(row.before).toEqual({ mean: 175, p95: 200, points: 4 });
    expect(row.after).toEqual({ mean: 300, p95: 300, points: 4 });
    expect(row.deltaMean).toBe(125);
    expect(row.deltaPercent).toBeCloseTo(125 / 175);
    expect(row.deltaP95).toBe(100);
    expect(chart.before).toEqual([at - 30 * MIN, at]);
    expect(chart.after).toEqual([at, at + 30 * MIN]);
  });

  it("leaves a side without points null, and the deltas with it", () => {
    const row = prepareBeforeAfter(reading([[at + MIN, 1, 1, 1, 1]]), at, 30 * MIN).rows[0]!;
    expect(row.before).toBeNull();
    expect(row.after).toMatchObject({ mean: 1 });
    expect(row.deltaMean).toBeNull();
    expect(row.deltaPercent).toBeNull();
  });

  it("gives no percentage change from a mean of zero", () => {
    const row = prepareBeforeAfter(
      reading([
        [at - MIN, 0, 0, 0, 1],
        [at + MIN, 0.2, 0.2, 0.2, 1],
      ]),
      at,
      30 * MIN,
    ).rows[0]!;
    expect(row.deltaMean).toBeCloseTo(0.2);
    expect(row.deltaPercent).toBeNull();
  });
});
