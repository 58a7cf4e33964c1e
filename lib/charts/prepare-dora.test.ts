import { describe, expect, it } from "vitest";
import { formatDuration, prepareDora } from "./prepare-dora";

const empty = {
  deployments: 0,
  deploymentsPerDay: null,
  leadTimeMs: null,
  changeFailureRate: null,
  timeToRestoreMs: null,
};

describe("formatDuration", () => {
  it("picks minutes, hours or days, and a dash for no data", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(42 * 60_000)).toBe("42 min");
    expect(formatDuration(5.5 * 3_600_000)).toBe("5.5 h");
    expect(formatDuration(3 * 86_400_000)).toBe("3 d");
  });
});

describe("prepareDora", () => {
  it("shows dashes, not zeros, without deployments, and keeps empty weeks null", () => {
    const { tiles, trend } = prepareDora({
      summary: empty,
      weeks: [{ ...empty, weekStart: "2026-03-02T00:00:00Z" }],
    });
    expect(tiles.map((t) => t.value)).toEqual(["—", "—", "—", "—"]);
    expect(trend).toEqual([
      { x: Date.UTC(2026, 2, 2), frequency: null, leadTime: null, failureRate: null, restore: null },
    ]);
  });

  it("formats frequency per day or per week, rates as percent and durations in hours", () => {
    const week = {
      deployments: 4,
      deploymentsPerDay: 2,
      leadTimeMs: 7_200_000,
      changeFailureRate: 0.25,
      timeToRestoreMs: 1_800_000,
    };
    const { tiles, trend } = prepareDora({
      summary: { ...week, deploymentsPerDay: 0.5 },
      weeks: [{ ...week, weekStart: 0 }],
    });
    expect(tiles.map((t) => t.value)).toEqual(["3.5 / week", "2 h", "25 %", "30 min"]);
    expect(tiles[2]!.hint).toBe("of 4 production changes");
    expect(trend[0]).toEqual({ x: 0, frequency: 2, leadTime: 2, failureRate: 25, restore: 0.5 });
  });
});
