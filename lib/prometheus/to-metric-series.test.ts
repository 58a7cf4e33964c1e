import { describe, expect, it } from "vitest";
import { matrixSchema, matrixToSeries } from "./client";
import { rangeFor } from "./pull-queries";
import { toBatches, toMetricSeries } from "./to-metric-series";

const query = { seriesName: "latency_p95", kind: "service" as const, labels: { service: "api" }, unit: "s" };

/** A query_range `data` as Prometheus documents it. */
function matrix(result: { metric: Record<string, string>; values: [number, string][] }[]) {
  return matrixSchema.parse({ resultType: "matrix", result });
}

describe("matrixToSeries", () => {
  it("turns [unixSeconds, string] samples into [ms, number] points and skips NaN and infinities", () => {
    const m = matrix([
      {
        metric: { __name__: "up", job: "api" },
        values: [
          [1_700_000_000, "1"],
          [1_700_000_015.5, "NaN"],
          [1_700_000_030, "+Inf"],
          [1_700_000_045, "-Inf"],
          [1_700_000_060, "2.5e-3"],
        ],
      },
    ]);
    expect(matrixToSeries(m)[0]!.points).toEqual([
      [1_700_000_000_000, 1],
      [1_700_000_060_000, 0.0025],
    ]);
  });

  it("rejects answers that are not a matrix of [number, string] pairs", () => {
    expect(matrixSchema.safeParse({ resultType: "vector", result: [] }).success).toBe(false);
    expect(
      matrixSchema.safeParse({ resultType: "matrix", result: [{ metric: {}, values: [["1", "1"]] }] })
        .success,
    ).toBe(false);
    expect(
      matrixSchema.safeParse({ resultType: "matrix", result: [{ metric: {}, values: [[1, 1]] }] }).success,
    ).toBe(false);
  });
});

describe("toMetricSeries", () => {
  it("merges Prometheus labels with the configured ones (configured win), drops __name__ and empty series", () => {
    const m = matrix([
      {
        metric: { __name__: "http_latency", job: "api", service: "other", project: "x" },
        values: [[1, "0.2"]],
      },
      { metric: { __name__: "http_latency", job: "worker" }, values: [[1, "NaN"]] },
    ]);
    expect(toMetricSeries(m, query, "shop")).toEqual([
      {
        name: "latency_p95",
        labels: { job: "api", service: "api", project: "shop" },
        kind: "service",
        unit: "s",
        points: [[1000, 0.2]],
      },
    ]);
  });

  it("keeps metric names apart when a query returns several", () => {
    const m = matrix([
      { metric: { __name__: "a_total" }, values: [[1, "1"]] },
      { metric: { __name__: "b_total" }, values: [[1, "2"]] },
    ]);
    expect(toMetricSeries(m, query, "shop").map((s) => s.name)).toEqual([
      "latency_p95:a_total",
      "latency_p95:b_total",
    ]);
  });

  it("keeps at most 16 labels, the configured ones always", () => {
    const metric = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`l${i}`, "v"]));
    const [series] = toMetricSeries(matrix([{ metric, values: [[1, "1"]] }]), query, "shop");
    expect(Object.keys(series!.labels)).toHaveLength(16);
    expect(series!.labels).toMatchObject({ service: "api", project: "shop" });
  });
});

describe("toBatches", () => {
  it("splits series so no batch holds more than 100,000 points", () => {
    const points = Array.from({ length: 150_000 }, (_, i): [number, number] => [i, i]);
    const batches = toBatches([{ name: "a", labels: { project: "p" }, kind: "service", points }]);
    expect(batches.map((b) => b.reduce((n, s) => n + s.points.length, 0))).toEqual([100_000, 50_000]);
    expect(batches[1]![0]!.points[0]).toEqual([100_000, 100_000]);
  });
});

describe("rangeFor", () => {
  it("starts an hour back on the first pull and aligns start and end to the step", () => {
    expect(rangeFor({ stepSeconds: 60 }, undefined, 10_000_030)).toEqual({
      start: 9_996_480,
      end: 10_000_020,
      step: 60,
    });
  });

  it("continues one step after the cursor, and asks for nothing when no new step has begun", () => {
    expect(rangeFor({ stepSeconds: 15 }, 1500, 1530)).toEqual({ start: 1515, end: 1530, step: 15 });
    const idle = rangeFor({ stepSeconds: 15 }, 1530, 1540);
    expect(idle.start).toBeGreaterThan(idle.end);
  });

  it("catches up a long gap in slices of 10,000 steps", () => {
    const r = rangeFor({ stepSeconds: 1 }, 0, 50_000);
    expect(r).toEqual({ start: 1, end: 10_001, step: 1 });
  });
});
