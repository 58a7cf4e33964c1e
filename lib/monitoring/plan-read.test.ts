import { describe, expect, it } from "vitest";
import { planRead } from "./plan-read";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// An instant that is on no grid: 12:34:56.789 UTC.
const to = Date.UTC(2026, 2, 15, 12, 34, 56, 789);

describe("planRead", () => {
  it.each([
    ["1 hour", HOUR, null, 3_600],
    ["24 hours", DAY, null, 86_400],
    ["7 days", 7 * DAY, 600, 20 * MINUTE],
    ["30 days", 30 * DAY, 3600, HOUR],
    ["90 days", 90 * DAY, 3600, 3 * HOUR],
    ["400 days", 400 * DAY, 3600, 10 * HOUR],
  ])("%s in at most 1,000 buckets", (_label, span, grain, bucketMs) => {
    const from = to - span;
    const plan = planRead(from, to, 1000);
    expect(plan.grainSeconds).toBe(grain);
    expect(plan.bucketMs).toBe(bucketMs);
    const buckets = Math.ceil((to - plan.originMs) / plan.bucketMs);
    expect(buckets).toBeLessThanOrEqual(1000);
    expect(buckets).toBeGreaterThanOrEqual(500);
  });

  it("reads raw points from `from` when no rollup grain fits", () => {
    const from = to - DAY;
    expect(planRead(from, to, 1000)).toEqual({
      bucketMs: 86_400,
      originMs: from,
      grainSeconds: null,
      innerFromMs: to,
      innerToMs: to,
    });
  });

  it("snaps the origin to the grain grid and leaves the ragged edges to raw points", () => {
    const from = to - 30 * DAY;
    const plan = planRead(from, to, 1000);
    expect(plan.originMs).toBe(Math.floor(from / HOUR) * HOUR);
    expect(plan.originMs).toBeLessThanOrEqual(from);
    expect(plan.innerFromMs).toBe(Math.ceil(from / HOUR) * HOUR);
    expect(plan.innerToMs).toBe(Math.floor(to / HOUR) * HOUR);
    expect((plan.innerFromMs - plan.originMs) % plan.bucketMs).toBe(0);
  });

  it("never exceeds maxPoints, whatever the range", () => {
    for (let span = 1_000; span < 400 * DAY; span = Math.ceil(span * 1.37)) {
      for (const maxPoints of [10, 100, 999, 1000, 5000]) {
        const plan = planRead(to - span, to, maxPoints);
        expect(Math.ceil((to - plan.originMs) / plan.bucketMs)).toBeLessThanOrEqual(maxPoints);
      }
    }
  });
});
