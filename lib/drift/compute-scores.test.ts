import { describe, expect, it } from "vitest";
import { normalSample } from "@/lib/monitoring/drift/testing";
import { computeScores, IncompatibleDistributions, observationCount } from "./compute-scores";

const edges = [0, 1, 2, 3, 4];

describe("computeScores", () => {
  it("is zero for identical histograms and grows with a shift", () => {
    const same = computeScores(
      { kind: "histogram", edges, counts: [10, 20, 30, 40] },
      { kind: "histogram", edges, counts: [1, 2, 3, 4] },
    );
    expect(same.psi).toBeCloseTo(0, 12);
    expect(same.ks).toBeCloseTo(0, 12);
    expect(same.jsDistance).toBeCloseTo(0, 6);
    const shifted = computeScores(
      { kind: "histogram", edges, counts: [40, 30, 20, 10] },
      { kind: "histogram", edges, counts: [10, 20, 30, 40] },
    );
    // PSI by hand: 2·(0.3·ln 4) + 2·(0.1·ln 1.5).
    expect(shifted.psi).toBeCloseTo(0.6 * Math.log(4) + 0.2 * Math.log(1.5), 10);
    expect(shifted.ks).toBeCloseTo(0.4, 12); // cumulative .4 .7 .9 vs .1 .3 .6
    expect(shifted.jsDistance).toBeGreaterThan(0.2);
  });

  it("bins samples at a histogram reference's edges, outside values in the outer bins", () => {
    const scores = computeScores(
      { kind: "histogram", edges, counts: [1, 1, 1, 1] },
      { kind: "samples", values: [0.5, 1.5, 2.5, 3.5, 9] },
    );
    expect(scores.psi).toBeGreaterThan(0);
    expect(scores.ks).toBeCloseTo(0.2, 12);
  });

  it("flags a large mean shift of samples and not a resample", () => {
    const reference = normalSample(2000, 0);
    const calm = computeScores(
      { kind: "samples", values: reference },
      { kind: "samples", values: normalSample(2000, 0) },
    );
    const drifted = computeScores(
      { kind: "samples", values: reference },
      { kind: "samples", values: normalSample(2000, 1) },
    );
    expect(calm.psi).toBeLessThan(0.1);
    expect(drifted.psi).toBeGreaterThan(0.2);
    expect(drifted.ks!).toBeGreaterThan(0.3);
  });

  it("compares categories over their union and has no KS for them", () => {
    const scores = computeScores(
      { kind: "categorical", counts: { a: 50, b: 50 } },
      { kind: "categorical", counts: { a: 50, c: 50 } },
    );
    expect(scores.ks).toBeNull();
    expect(scores.jsDistance).toBeGreaterThan(0.5);
  });

  it("refuses different edges and categorical against numeric", () => {
    expect(() =>
      computeScores(
        { kind: "histogram", edges, counts: [1, 1, 1, 1] },
        { kind: "histogram", edges: [0, 2, 4], counts: [1, 1] },
      ),
    ).toThrow(IncompatibleDistributions);
    expect(() =>
      computeScores({ kind: "categorical", counts: { a: 1 } }, { kind: "samples", values: [1] }),
    ).toThrow(/categorical/);
  });

  it("counts observations", () => {
    expect(observationCount({ kind: "histogram", edges, counts: [1, 2, 3, 4] })).toBe(10);
    expect(observationCount({ kind: "categorical", counts: { a: 2, b: 3 } })).toBe(5);
  });
});
