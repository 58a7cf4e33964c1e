import { describe, expect, it } from "vitest";
import {
  EMPTY_VALUE,
  formatCompactNumber,
  formatDate,
  formatDateTime,
  formatDuration,
  formatPercent,
  formatRelativeTime,
} from "./format";

describe("formatDuration", () => {
  it("uses the two most significant units", () => {
    expect(formatDuration(0)).toBe("0ms");
    expect(formatDuration(850)).toBe("850ms");
    expect(formatDuration(45_000)).toBe("45s");
    expect(formatDuration(83_400)).toBe("1m 23s");
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000 + 59_000)).toBe("2h 5m");
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe("3d 4h");
  });

  it("drops a zero second unit", () => {
    expect(formatDuration(5 * 60_000)).toBe("5m");
    expect(formatDuration(2 * 3_600_000)).toBe("2h");
  });

  it("shows a dash for unknown or impossible values", () => {
    expect(formatDuration(null)).toBe(EMPTY_VALUE);
    expect(formatDuration(undefined)).toBe("—");
    expect(formatDuration(Number.NaN)).toBe("—");
    expect(formatDuration(-5)).toBe("—");
  });
});

describe("formatRelativeTime", () => {
  const now = new Date("2025-03-10T12:00:00Z");

  it("describes past times", () => {
    expect(formatRelativeTime(new Date("2025-03-10T11:59:30Z"), now)).toBe("just now");
    expect(formatRelativeTime(new Date("2025-03-10T11:59:00Z"), now)).toBe("1 min ago");
    expect(formatRelativeTime(new Date("2025-03-10T11:57:00Z"), now)).toBe("3 min ago");
    expect(formatRelativeTime(new Date("2025-03-10T11:00:00Z"), now)).toBe("1 hour ago");
    expect(formatRelativeTime("2025-03-10T09:30:00Z", now)).toBe("2 hours ago");
    expect(formatRelativeTime(new Date("2025-03-05T12:00:00Z"), now)).toBe("5 days ago");
  });

  it("describes future times", () => {
    expect(formatRelativeTime(new Date("2025-03-10T12:04:00Z"), now)).toBe("in 4 min");
  });

  it("falls back to the date after 30 days", () => {
    expect(formatRelativeTime(new Date("2025-01-02T08:00:00Z"), now)).toBe("02 Jan 2025");
  });

  it("accepts epoch milliseconds and rejects invalid input", () => {
    expect(formatRelativeTime(now.getTime() - 10 * 60_000, now)).toBe("10 min ago");
    expect(formatRelativeTime("not a date", now)).toBe("—");
    expect(formatRelativeTime(null, now)).toBe("—");
  });
});

describe("formatPercent", () => {
  it("formats ratios", () => {
    expect(formatPercent(0.1234)).toBe("12.3%");
    expect(formatPercent(1)).toBe("100.0%");
    expect(formatPercent(0.5, 0)).toBe("50%");
    expect(formatPercent(0.98765, 2)).toBe("98.77%");
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe("—");
  });
});

describe("formatDateTime", () => {
  it("is stable en-GB style in UTC", () => {
    expect(formatDateTime(new Date("2025-09-05T14:07:09Z"))).toBe("05 Sep 2025, 14:07 UTC");
    expect(formatDateTime("2025-12-31T23:59:59+02:00")).toBe("31 Dec 2025, 21:59 UTC");
    expect(formatDateTime(0)).toBe("01 Jan 1970, 00:00 UTC");
    expect(formatDate("2025-03-10T01:00:00Z")).toBe("10 Mar 2025");
  });

  it("shows a dash for invalid input", () => {
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTime("garbage")).toBe("—");
  });
});

describe("formatCompactNumber", () => {
  it("groups small numbers and abbreviates large ones", () => {
    expect(formatCompactNumber(0)).toBe("0");
    expect(formatCompactNumber(1234)).toBe("1,234");
    expect(formatCompactNumber(-9_999)).toBe("-9,999");
    expect(formatCompactNumber(12_500)).toBe("12.5k");
    expect(formatCompactNumber(3_400_000)).toBe("3.4M");
    expect(formatCompactNumber(1_000_000_000)).toBe("1B");
    expect(formatCompactNumber(undefined)).toBe("—");
  });
});
