import { describe, expect, it } from "vitest";
import { histogram } from "./distribution";
import { ksFromHistograms, ksStatistic } from "./ks";
import { FINE_EDGES, normalBins, normalCdf, normalSample } from "./testing";

describe("ksStatistic", () => {
  it("matches hand-checked cases", () => {
    // F_a − F_b is 0.4 at x = 2, 3, 4 and 5.
    expect(ksStatistic([1, 2, 3, 4, 5], [3, 4, 5, 6, 7])).toBeCloseTo(0.4, 12);
    // Ties: at x = 1, 2/3 against 1/3; at x = 2 both reach 1.
    expect(ksStatistic([1, 1, 2], [1, 2, 2])).toBeCloseTo(1 / 3, 12);
    // Disjoint samples.
    expect(ksStatistic([1, 2], [3, 4, 5])).toBe(1);
  });

  it("is 0 for identical samples, in any order", () => {
    expect(ksStatistic([3, 1, 2, 2], [2, 2, 1, 3])).toBe(0);
  });

  it("finds 2Φ(δ/2) − 1 ≈ 0.1974 for N(0,1) against N(0.5,1)", () => {
    const expected = 2 * normalCdf(0.25) - 1;
    expect(expected).toBeCloseTo(0.197413, 5);
    expect(ksStatistic(normalSample(20_000), normalSample(20_000, 0.5))).toBeCloseTo(expected, 3);
  });
});

describe("ksFromHistograms", () => {
  it("equals the raw D when the largest gap falls on an edge", () => {
    const a = [1, 2, 3, 4, 5];
    const b = [3, 4, 5, 6, 7];
    const edges = [2.5, 4.5, 6.5];
    expect(ksFromHistograms(histogram(a, edges), histogram(b, edges))).toBeCloseTo(ksStatistic(a, b), 12);
  });

  it("approaches the continuous D on fine bins and is 0 for identical histograms", () => {
    expect(ksFromHistograms(normalBins(FINE_EDGES), normalBins(FINE_EDGES, 0.5))).toBeCloseTo(0.197413, 3);
    expect(ksFromHistograms([1, 2, 3], [2, 4, 6])).toBeCloseTo(0, 12);
  });
});
