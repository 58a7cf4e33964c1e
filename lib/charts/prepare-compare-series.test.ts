import { describe, expect, it } from "vitest";
import { prepareHistoryOverlay, prepareParallel } from "./prepare-compare-series";

describe("prepareHistoryOverlay", () => {
  const lines = [
    {
      version: 3,
      points: [
        { step: 0, value: 1, ts: 100 },
        { step: 2, value: 0.5, ts: 300 },
      ],
    },
    {
      version: 7,
      points: [
        { step: 0, value: 2, ts: 150 },
        { step: 1, value: 0, ts: 200 },
      ],
    },
  ];

  it("merges lines by step so each row holds every version, missing ones null", () => {
    expect(prepareHistoryOverlay(lines, { x: "step", log: false })).toEqual([
      { x: 0, v3: 1, v7: 2 },
      { x: 1, v3: null, v7: 0 },
      { x: 2, v3: 0.5, v7: null },
    ]);
  });

  it("uses time on x, and drops values a log axis cannot place", () => {
    expect(prepareHistoryOverlay(lines, { x: "time", log: true })).toEqual([
      { x: 100, v3: 1, v7: null },
      { x: 150, v3: null, v7: 2 },
      { x: 300, v3: 0.5, v7: null },
    ]);
  });
});

describe("prepareParallel", () => {
  it("keeps numeric params and metrics, scales each to 0..1, gaps for missing, 0.5 when equal", () => {
    const data = prepareParallel([
      { version: 1, params: { lr: "0.1", opt: "adam", depth: "6" }, metrics: { auc: 0.8 } },
      { version: 2, params: { lr: "0.3", opt: "sgd", depth: "6" }, metrics: { auc: 0.9, loss: 0.2 } },
    ]);
    expect(data.dimensions.map((d) => [d.key, d.kind, d.label])).toEqual([
      ["depth", "param", "depth (6)"],
      ["lr", "param", "lr (0.1–0.3)"],
      ["auc", "metric", "auc (0.8–0.9)"],
      ["loss", "metric", "loss (0.2)"],
    ]);
    expect(data.rows.map((r) => [r.v1, r.v2])).toEqual([
      [0.5, 0.5],
      [0, 1],
      [0, 1],
      [null, 0.5],
    ]);
  });
});
