import { describe, expect, it } from "vitest";
import {
  type DeployWindow,
  deployWindowCheck,
  describeDays,
  isInsideWindow,
  msUntilWindowOpens,
} from "./deploy-window";

const WEEKDAYS_BERLIN: DeployWindow = {
  days: [1, 2, 3, 4, 5],
  startHour: 9,
  endHour: 17,
  timeZone: "Europe/Berlin",
};

describe("isInsideWindow", () => {
  const office = { days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17 };
  const night = { days: [5], startHour: 22, endHour: 6 };
  it.each([
    { w: office, day: 1, hour: 9, inside: true },
    { w: office, day: 1, hour: 16, inside: true },
    { w: office, day: 1, hour: 17, inside: false },
    { w: office, day: 1, hour: 8, inside: false },
    { w: office, day: 0, hour: 12, inside: false },
    // Friday night into Saturday morning belongs to Friday.
    { w: night, day: 5, hour: 23, inside: true },
    { w: night, day: 6, hour: 5, inside: true },
    { w: night, day: 6, hour: 6, inside: false },
    { w: night, day: 5, hour: 5, inside: false },
    { w: { days: [3], startHour: 0, endHour: 0 }, day: 3, hour: 23, inside: true },
  ])("day $day hour $hour → $inside", ({ w, day, hour, inside }) => {
    expect(isInsideWindow(w, { day, hour })).toBe(inside);
  });
});

describe("deployWindowCheck", () => {
  it("has no check without a window", () => {
    expect(deployWindowCheck(null, new Date())).toBeNull();
  });

  it("uses the window's time zone, not UTC", () => {
    // 08:30 UTC on Monday 2 March 2026 is 09:30 in Berlin (CET, UTC+1): inside.
    const result = deployWindowCheck(WEEKDAYS_BERLIN, new Date("2026-03-02T08:30:00Z"));
    expect(result).toMatchObject({
      key: "window",
      status: "passed",
      detail: "Inside the deploy window (Mon–Fri 09:00–17:00 Europe/Berlin).",
    });
    // 07:30 UTC is 08:30 in Berlin: opens in 30 minutes.
    expect(deployWindowCheck(WEEKDAYS_BERLIN, new Date("2026-03-02T07:30:00Z"))).toMatchObject({
      status: "pending",
      detail: "Outside the deploy window (Mon–Fri 09:00–17:00 Europe/Berlin); it opens in 30 min.",
      waitingFor: "deploy window (opens in 30 min)",
    });
  });

  it("follows daylight saving: 09:00 in Berlin is 07:00 UTC in summer", () => {
    expect(deployWindowCheck(WEEKDAYS_BERLIN, new Date("2026-07-06T07:10:00Z"))?.status).toBe("passed");
    expect(deployWindowCheck(WEEKDAYS_BERLIN, new Date("2026-01-05T07:10:00Z"))?.status).toBe("pending");
  });

  it("finds the next opening across a weekend", () => {
    // Saturday 7 March 2026, 12:00 UTC = 13:00 Berlin → Monday 09:00 Berlin = 08:00 UTC, 44 h later.
    expect(msUntilWindowOpens(WEEKDAYS_BERLIN, new Date("2026-03-07T12:00:00Z"))).toBe(44 * 3_600_000);
  });

  it("handles half-hour offsets", () => {
    const india: DeployWindow = { days: [1], startHour: 10, endHour: 12, timeZone: "Asia/Kolkata" };
    // Monday 2 March 2026 04:00 UTC = 09:30 IST: opens at 10:00 IST, in 30 minutes.
    expect(msUntilWindowOpens(india, new Date("2026-03-02T04:00:00Z"))).toBe(30 * 60_000);
  });

  it("fails a window that can never open or has an unknown zone", () => {
    expect(deployWindowCheck({ ...WEEKDAYS_BERLIN, days: [] }, new Date())).toMatchObject({
      status: "failed",
    });
    expect(deployWindowCheck({ ...WEEKDAYS_BERLIN, timeZone: "Mars/Olympus" }, new Date())).toMatchObject({
      status: "failed",
      detail: 'The deploy window\'s time zone "Mars/Olympus" is unknown.',
    });
  });

  it.each([
    [[1, 2, 3, 4, 5], "Mon–Fri"],
    [[0, 1, 2, 3, 4, 5, 6], "Every day"],
    [[1, 3, 5], "Mon, Wed, Fri"],
    [[5, 6, 1, 2], "Mon, Tue, Fri, Sat"],
    [[1, 2, 3, 5], "Mon–Wed, Fri"],
  ])("describeDays(%j) = %s", (days, text) => {
    expect(describeDays(days)).toBe(text);
  });
});
