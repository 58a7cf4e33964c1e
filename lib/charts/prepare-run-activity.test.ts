import { describe, expect, it } from "vitest";
import { prepareRunActivity } from "./prepare-run-activity";

describe("prepareRunActivity", () => {
  const from = new Date("2026-03-01T00:00:00Z");
  const to = new Date("2026-03-03T12:00:00Z");

  it("fills days without runs with zeros and keeps the order", () => {
    const points = prepareRunActivity(
      [
        { bucketStart: "2026-03-03T00:00:00Z", succeeded: 2, failed: 1, other: 0 },
        { bucketStart: "2026-03-01T00:00:00Z", succeeded: 4, failed: 0, other: 1 },
      ],
      "day",
      from,
      to,
    );
    expect(points.map((p) => p.label)).toEqual(["01/03", "02/03", "03/03"]);
    expect(points.map((p) => p.total)).toEqual([5, 0, 3]);
  });

  it("gives an unknown failure rate, not 0 %, when nothing finished", () => {
    const points = prepareRunActivity(
      [{ bucketStart: "2026-03-01T00:00:00Z", succeeded: 0, failed: 0, other: 2 }],
      "day",
      from,
      to,
    );
    expect(points[0]!.failureRate).toBeNull();
    expect(points[1]!.failureRate).toBeNull();
  });

  it("computes the failure rate over finished runs only", () => {
    const points = prepareRunActivity(
      [{ bucketStart: "2026-03-01T00:00:00Z", succeeded: 3, failed: 1, other: 4 }],
      "day",
      from,
      from,
    );
    expect(points).toHaveLength(1);
    expect(points[0]!.failureRate).toBe(0.25);
  });

  it("labels hourly buckets by hour", () => {
    const points = prepareRunActivity(
      [],
      "hour",
      new Date("2026-03-01T22:10:00Z"),
      new Date("2026-03-02T00:05:00Z"),
    );
    expect(points.map((p) => p.label)).toEqual(["22:00", "23:00", "00:00"]);
  });
});
