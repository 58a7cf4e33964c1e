import { describe, expect, it } from "vitest";
import { prepareRunTrend, summarizeRunTrend } from "./prepare-run-trend";

const day = (d: number) => new Date(Date.UTC(2026, 2, d)).toISOString().replace(".000Z", "Z");

describe("prepareRunTrend", () => {
  it("fills missing days with zero runs but no rate or duration", () => {
    const points = prepareRunTrend(
      [
        { bucketStart: day(1), succeeded: 3, failed: 1, other: 1, p50Seconds: 60, p95Seconds: 90 },
        { bucketStart: day(3), succeeded: 0, failed: 2, other: 0, p50Seconds: 30, p95Seconds: 31 },
      ],
      "day",
      new Date(Date.UTC(2026, 2, 1, 12)),
      new Date(Date.UTC(2026, 2, 3, 12)),
    );
    expect(points.map((p) => [p.label, p.total, p.successRate, p.p50Seconds])).toEqual([
      ["01/03", 5, 0.75, 60],
      ["02/03", 0, null, null],
      ["03/03", 2, 0, 30],
    ]);
  });

  it("has no rate for a bucket where runs are only queued or running", () => {
    const [point] = prepareRunTrend(
      [{ bucketStart: day(1), succeeded: 0, failed: 0, other: 4, p50Seconds: null, p95Seconds: null }],
      "day",
      new Date(Date.UTC(2026, 2, 1)),
      new Date(Date.UTC(2026, 2, 1)),
    );
    expect(point).toMatchObject({ total: 4, successRate: null, p95Seconds: null });
  });

  it("labels hourly buckets by hour", () => {
    const points = prepareRunTrend(
      [],
      "hour",
      new Date(Date.UTC(2026, 2, 1, 9, 30)),
      new Date(Date.UTC(2026, 2, 1, 11)),
    );
    expect(points.map((p) => p.label)).toEqual(["09:00", "10:00", "11:00"]);
  });
});

describe("summarizeRunTrend", () => {
  it("counts every run and rates only finished ones", () => {
    expect(
      summarizeRunTrend([
        { bucketStart: day(1), succeeded: 3, failed: 1, other: 2, p50Seconds: 1, p95Seconds: 1 },
        { bucketStart: day(2), succeeded: 1, failed: 3, other: 0, p50Seconds: 1, p95Seconds: 1 },
      ]),
    ).toEqual({ runs: 10, successRate: 0.5 });
    expect(summarizeRunTrend([])).toEqual({ runs: 0, successRate: null });
  });
});
