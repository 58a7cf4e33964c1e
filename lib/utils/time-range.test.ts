import { describe, expect, it } from "vitest";
import {
  DEFAULT_TIME_RANGE,
  isTimeRangeKey,
  parseTimeRange,
  TIME_RANGE_OPTIONS,
  timeRangeStart,
} from "./time-range";

describe("parseTimeRange", () => {
  it("parses every known key to its length", () => {
    expect(parseTimeRange("1h")).toEqual({ key: "1h", ms: 3_600_000 });
    expect(parseTimeRange("24h")).toEqual({ key: "24h", ms: 86_400_000 });
    expect(parseTimeRange("7d")).toEqual({ key: "7d", ms: 604_800_000 });
    expect(parseTimeRange("30d")).toEqual({ key: "30d", ms: 2_592_000_000 });
    expect(parseTimeRange("90d")).toEqual({ key: "90d", ms: 7_776_000_000 });
  });

  it("falls back to 7d when missing or unknown", () => {
    expect(DEFAULT_TIME_RANGE).toBe("7d");
    for (const value of [undefined, null, "", "2w", "7D", " 7d", "constructor", "__proto__"]) {
      expect(parseTimeRange(value)).toEqual({ key: "7d", ms: 604_800_000 });
    }
  });
});

describe("isTimeRangeKey", () => {
  it("accepts exactly the option keys", () => {
    expect(TIME_RANGE_OPTIONS.map((o) => o.key)).toEqual(["1h", "24h", "7d", "30d", "90d"]);
    expect(isTimeRangeKey("30d")).toBe(true);
    expect(isTimeRangeKey("30")).toBe(false);
    expect(isTimeRangeKey(30)).toBe(false);
  });
});

describe("timeRangeStart", () => {
  it("subtracts the range from now", () => {
    const now = new Date("2025-03-10T12:00:00Z");
    expect(timeRangeStart(parseTimeRange("24h"), now).toISOString()).toBe("2025-03-09T12:00:00.000Z");
  });
});
