import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/api/errors";
import { normalizeBatch } from "./normalize-batch";

const now = new Date("2026-03-01T12:00:00Z");
const t = now.getTime() - 60_000;
const series = (points: unknown[], extra: Record<string, unknown> = {}) => ({
  name: "latency_p95_ms",
  labels: { project: "alpha", service: "api" },
  points,
  ...extra,
});

function errorOf(raw: unknown): AppError {
  try {
    normalizeBatch(raw, now);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected the batch to be rejected");
}

describe("normalizeBatch", () => {
  it("accepts ISO times with an offset and epoch milliseconds, keyed canonically", () => {
    const batch = normalizeBatch(
      {
        series: [
          series([
            ["2026-03-01T11:58:00Z", 1],
            ["2026-03-01T12:58:30.5+01:00", 2],
            [t, 3],
          ]),
        ],
      },
      now,
    );
    expect(batch.points).toBe(3);
    expect(batch.series[0]).toMatchObject({
      index: 0,
      key: 'latency_p95_ms{project="alpha",service="api"}',
      kind: "service",
      ts: [t - 60_000, t - 29_500, t],
      values: [1, 2, 3],
    });
  });

  it("sorts points and lets the later value win for a repeated timestamp, across repeated series too", () => {
    const batch = normalizeBatch(
      {
        series: [
          series([
            [t, 1],
            [t - 2000, 2],
            [t, 3],
          ]),
          {
            ...series([
              [t - 1000, 4],
              [t - 2000, 5],
            ]),
            labels: { service: "api", project: "alpha" },
            unit: "ms",
          },
        ],
      },
      now,
    );
    expect(batch.series).toHaveLength(1);
    expect(batch.series[0]).toMatchObject({ ts: [t - 2000, t - 1000, t], values: [5, 4, 3], unit: "ms" });
    expect(batch.points).toBe(3);
  });

  it.each([
    [[t, "1.5"], "the value must be a finite number"],
    [[t, null], "the value must be a finite number"],
    [[t], "a point is [timestamp, value]"],
    [{ t, v: 1 }, "a point is [timestamp, value]"],
    [[t + 0.5, 1], "a numeric timestamp must be whole epoch milliseconds"],
    [["2026-03-01T11:00:00", 1], '"2026-03-01T11:00:00" is not an ISO 8601 timestamp with an offset'],
    [["March 1, 2026", 1], '"March 1, 2026" is not an ISO 8601 timestamp with an offset'],
    [[true, 1], "the timestamp must be an ISO 8601 string or epoch milliseconds"],
    [
      [now.getTime() + 2 * 3_600_000, 1],
      "the timestamp is outside the accepted window of 400 days ago to 1 hour ahead",
    ],
  ])("rejects %j naming the point", (point, reason) => {
    const error = errorOf({ series: [series([[t - 5000, 1]]), series([[t - 5000, 1], point])] });
    expect(error.details).toEqual({ series: 1, point: 1, reason });
    expect(error.message).toBe(`Series 1, point 1: ${reason}.`);
  });

  it("hints at epoch seconds", () => {
    const error = errorOf({ series: [series([[Math.floor(t / 1000), 1]])] });
    expect((error.details as { reason: string }).reason).toContain("it looks like epoch seconds");
  });

  it("checks the envelope with zod: name, labels, project, label count", () => {
    const fields = (raw: unknown) =>
      (errorOf(raw).details as { fields: { path: string }[] }).fields.map((f) => f.path);
    expect(fields({ series: [series([[t, 1]], { name: "bad name" })] })).toEqual(["series.0.name"]);
    expect(fields({ series: [series([[t, 1]], { labels: { service: "api" } })] })).toEqual([
      "series.0.labels.project",
    ]);
    expect(fields({ series: [series([[t, 1]], { labels: { project: "Not A Slug" } })] })).toEqual([
      "series.0.labels.project",
    ]);
    const many = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`l${i}`, "x"]));
    expect(fields({ series: [series([[t, 1]], { labels: { ...many, project: "alpha" } })] })).toEqual([
      "series.0.labels",
    ]);
    expect(
      fields({ series: [series([[t, 1]], { labels: { project: "alpha", x: "v".repeat(201) } })] }),
    ).toEqual(["series.0.labels.x"]);
    expect(fields({ series: [series([[t, 1]], { labels: { project: "alpha", __name__: "x" } })] })).toEqual([
      "series.0.labels.__name__",
    ]);
    expect(fields({ series: [] })).toEqual(["series"]);
    expect(fields({ series: [series([[t, 1]], { extra: 1 })] })).toEqual(["series.0"]);
  });

  it("rejects an empty series and more than 100,000 points", () => {
    expect(errorOf({ series: [series([])] }).details).toEqual({ series: 0, reason: "no points" });
    const points = Array.from({ length: 50_001 }, (_, i) => [t - i, 1]);
    const error = errorOf({ series: [series(points), series(points, { name: "other" })] });
    expect(error.details).toEqual({ points: 100_002, limit: 100_000 });
  });
});
