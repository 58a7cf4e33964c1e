import { describe, expect, it } from "vitest";
import { histogram, quantileEdges } from "./distribution";
import { psi, psiFromSamples } from "./psi";
import { FINE_EDGES, normalBins, normalQuantile, normalSample } from "./testing";

describe("psi", () => {
  it("matches a hand-computed example", () => {
    // (0.1−0.25)·ln(0.4) + (0.2−0.25)·ln(0.8) + (0.3−0.25)·ln(1.2) + (0.4−0.25)·ln(1.6)
    // = 0.137444 + 0.011157 + 0.009116 + 0.070501 = 0.228217
    expect(psi([0.25, 0.25, 0.25, 0.25], [0.1, 0.2, 0.3, 0.4])).toBeCloseTo(0.228217, 6);
    // Counts work the same as proportions.
    expect(psi([25, 25, 25, 25], [10, 20, 30, 40])).toBeCloseTo(0.228217, 6);
  });

  it("smooths an empty bin with epsilon instead of dividing by zero", () => {
    // (0.4−0.5)·ln(0.8)·2 + (0.2−0.0001)·ln(0.2/0.0001) = 0.044629 + 1.519420
    expect(psi([0.5, 0.5, 0], [0.4, 0.4, 0.2])).toBeCloseTo(1.564049, 5);
    expect(Number.isFinite(psi([1, 0], [0, 1]))).toBe(true);
  });

  it("is 0 for identical distributions and grows with the shift", () => {
    expect(psi([3, 5, 2], [3, 5, 2])).toBe(0);
    expect(psi([3, 5, 2], [30, 50, 20])).toBeCloseTo(0, 12);
    const edges = quantileEdges(normalSample(10_000), 10);
    const reference = normalBins(edges);
    const shifts = [0.1, 0.25, 0.5].map((m) => psi(reference, normalBins(edges, m)));
    expect(shifts[0]!).toBeLessThan(shifts[1]!);
    expect(shifts[1]!).toBeLessThan(shifts[2]!);
  });

  it("approaches δ²/σ² = 0.25 for N(0,1) against N(0.5,1) on fine bins", () => {
    // A tiny epsilon: the default 1e-4 floor flattens the far tails and under-counts by ~0.005.
    expect(psi(normalBins(FINE_EDGES), normalBins(FINE_EDGES, 0.5), 1e-12)).toBeCloseTo(0.25, 3);
  });

  it("gives 0.2377 for a 0.5σ shift on the reference's deciles", () => {
    const deciles = Array.from({ length: 9 }, (_, i) => normalQuantile((i + 1) / 10));
    expect(psi(normalBins(deciles), normalBins(deciles, 0.5))).toBeCloseTo(0.237749, 4);
    expect(psiFromSamples(normalSample(20_000), normalSample(20_000, 0.5))).toBeCloseTo(0.2377, 2);
  });

  it("rejects mismatched or empty histograms", () => {
    expect(() => psi([1, 2], [1, 2, 3])).toThrow(RangeError);
    expect(() => psi([0, 0], [1, 1])).toThrow(RangeError);
    expect(() => psi([1, -1], [1, 1])).toThrow(RangeError);
  });
});

describe("histogram", () => {
  it("counts into open-ended bins, edges belonging to the bin above", () => {
    expect(histogram([-5, 0, 0.5, 1, 1, 7], [0, 1, 2])).toEqual([1, 2, 2, 1]);
  });
});
