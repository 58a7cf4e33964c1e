import { describe, expect, it } from "vitest";
import { type ComparedVersion, compareMetric, compareMetrics, diffRecords, pickBaseline } from "./math";

const v = (version: number, metrics: Record<string, number>, params: Record<string, string> = {}) =>
  ({ version, metrics, params, tags: {} }) satisfies ComparedVersion;

describe("compareMetric", () => {
  it.each([
    {
      name: "higher is better: best is the max, deltas against the baseline",
      versions: [v(1, { acc: 0.8 }), v(2, { acc: 0.9 }), v(3, { acc: 0.7 })],
      direction: "higher" as const,
      baseline: 1,
      best: [false, true, false],
      better: [null, true, false],
      delta: [0, 0.1, -0.1],
      relative: [0, 0.125, -0.125],
    },
    {
      name: "lower is better: best is the min and a smaller value is better",
      versions: [v(1, { loss: 0.5 }), v(2, { loss: 0.25 }), v(3, { loss: 1 })],
      direction: "lower" as const,
      baseline: 1,
      best: [false, true, false],
      better: [null, true, false],
      delta: [0, -0.25, 0.5],
      relative: [0, -0.5, 1],
    },
    {
      name: "ties share best, and an equal value is neither better nor worse",
      versions: [v(1, { acc: 0.9 }), v(2, { acc: 0.9 }), v(3, { acc: 0.5 })],
      direction: "higher" as const,
      baseline: 1,
      best: [true, true, false],
      better: [null, null, false],
      delta: [0, 0, -0.4],
      relative: [0, 0, -0.4 / 0.9],
    },
    {
      name: "a missing metric has no value, delta or best",
      versions: [v(1, { acc: 0.5 }), v(2, {}), v(3, { acc: 0.6 })],
      direction: "higher" as const,
      baseline: 1,
      best: [false, false, true],
      better: [null, null, true],
      delta: [0, null, 0.1],
      relative: [0, null, 0.2],
    },
    {
      name: "a baseline without the metric gives no deltas, best still marked",
      versions: [v(1, {}), v(2, { acc: 0.6 })],
      direction: "higher" as const,
      baseline: 1,
      best: [false, true],
      better: [null, null],
      delta: [null, null],
      relative: [null, null],
    },
    {
      name: "a zero baseline has an absolute delta but no relative one",
      versions: [v(1, { drift: 0 }), v(2, { drift: 0.2 })],
      direction: "lower" as const,
      baseline: 1,
      best: [true, false],
      better: [null, false],
      delta: [0, 0.2],
      relative: [null, null],
    },
  ])("$name", ({ versions, direction, baseline, best, better, delta, relative }) => {
    const key = Object.keys(versions.find((x) => Object.keys(x.metrics).length)!.metrics)[0]!;
    const result = compareMetric(key, versions, baseline, direction);
    expect(result.cells.map((c) => c.best)).toEqual(best);
    expect(result.cells.map((c) => c.better)).toEqual(better);
    result.cells.forEach((c, i) => {
      if (delta[i] === null) expect(c.delta).toBeNull();
      else expect(c.delta).toBeCloseTo(delta[i]!, 10);
      if (relative[i] === null) expect(c.relative).toBeNull();
      else expect(c.relative).toBeCloseTo(relative[i]!, 10);
    });
  });

  it("uses the relative delta against the baseline's magnitude when it is negative", () => {
    const result = compareMetric("score", [v(1, { score: -2 }), v(2, { score: -1 })], 1, "higher");
    expect(result.cells[1]).toMatchObject({ delta: 1, relative: 0.5, better: true });
  });
});

describe("compareMetrics", () => {
  it("puts the primary metric first and takes its direction from the model, others from the name", () => {
    const versions = [v(1, { accuracy: 0.9, val_loss: 0.3, latency_ms: 20, custom: 1 }), v(2, { custom: 2 })];
    const result = compareMetrics(versions, 1, { primaryMetric: "custom", primaryMetricDirection: "lower" });
    expect(result.map((m) => [m.key, m.direction])).toEqual([
      ["custom", "lower"],
      ["accuracy", "higher"],
      ["latency_ms", "lower"],
      ["val_loss", "lower"],
    ]);
    expect(result[0]!.cells.map((c) => c.best)).toEqual([true, false]);
  });
});

describe("diffRecords", () => {
  it("marks rows whose values differ, including a key one version lacks", () => {
    const rows = diffRecords([
      { lr: "0.01", depth: "6" },
      { lr: "0.01", depth: "8" },
      { lr: "0.01", depth: "6", seed: "1" },
    ]);
    expect(rows).toEqual([
      { key: "depth", values: ["6", "8", "6"], differs: true },
      { key: "lr", values: ["0.01", "0.01", "0.01"], differs: false },
      { key: "seed", values: [null, null, "1"], differs: true },
    ]);
  });
});

describe("pickBaseline", () => {
  it.each([
    [
      { requested: 3, production: 2, champion: 1 },
      { version: 3, reason: "requested" },
    ],
    [
      { requested: 9, production: 2, champion: 1 },
      { version: 2, reason: "production" },
    ],
    [
      { production: 7, champion: 1 },
      { version: 1, reason: "champion" },
    ],
    [
      { production: null, champion: null },
      { version: 3, reason: "first" },
    ],
  ])("%j → %j", (hints, expected) => {
    expect(pickBaseline([3, 2, 1], hints)).toEqual(expected);
  });
});
