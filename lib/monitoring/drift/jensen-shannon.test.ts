import { describe, expect, it } from "vitest";
import { jensenShannonDistance } from "./jensen-shannon";
import { FINE_EDGES, normalBins } from "./testing";

describe("jensenShannonDistance", () => {
  it("matches a hand-computed example", () => {
    // m = (0.75, 0.25); JSD = ½(0.5·log2(0.5/0.75) + 0.5·log2(0.5/0.25)) + ½(1·log2(1/0.75))
    //   = 0.103759 + 0.207519 = 0.311278 bits; distance = √0.311278 = 0.557923
    expect(jensenShannonDistance([0.5, 0.5], [1, 0])).toBeCloseTo(0.557923, 6);
  });

  it("is 0 for identical distributions and 1 for disjoint ones", () => {
    expect(jensenShannonDistance([1, 2, 3], [2, 4, 6])).toBeCloseTo(0, 12);
    expect(jensenShannonDistance([1, 0, 0], [0, 0, 1])).toBe(1);
  });

  it("is symmetric", () => {
    const a = [5, 1, 0, 3];
    const b = [1, 1, 4, 2];
    expect(jensenShannonDistance(a, b)).toBeCloseTo(jensenShannonDistance(b, a), 12);
  });

  it("gives 0.2091 for N(0,1) against N(0.5,1) (numerically integrated JSD 0.04373 bits)", () => {
    expect(jensenShannonDistance(normalBins(FINE_EDGES), normalBins(FINE_EDGES, 0.5))).toBeCloseTo(
      0.20912,
      3,
    );
  });
});
