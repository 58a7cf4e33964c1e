import { describe, expect, it } from "vitest";
import { type AlertCondition, type CurrentAlert, nextAlertState } from "./alert-state";

const t0 = new Date("2026-03-01T12:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const above: AlertCondition = { comparator: "gt", threshold: 0.05, forSeconds: 300 };
const below: AlertCondition = { comparator: "lt", threshold: 0.9, forSeconds: 300 };

const none: CurrentAlert = { state: "none" };
const pending: CurrentAlert = { state: "pending", startedAt: t0 };
const firing: CurrentAlert = { state: "firing", startedAt: t0, firedAt: at(300) };

describe("nextAlertState", () => {
  it.each([
    // [title, rule, current, value, seconds after t0, state, transition, startedAt, firedAt, resolvedAt]
    ["ok stays ok", above, none, 0.01, 0, "none", "none", null, null, null],
    ["equal to the threshold is not a breach", above, none, 0.05, 0, "none", "none", null, null, null],
    ["a breach opens a pending alert", above, none, 0.07, 0, "pending", "started", t0, null, null],
    ["lt rules breach below", below, none, 0.85, 0, "pending", "started", t0, null, null],
    ["lt rules are ok above", below, none, 0.95, 0, "none", "none", null, null, null],
    ["pending holds before `for` elapsed", above, pending, 0.08, 299, "pending", "none", t0, null, null],
    ["pending fires once `for` elapsed", above, pending, 0.08, 300, "firing", "fired", t0, at(300), null],
    [
      "pending recovering is cleared, never fired",
      above,
      pending,
      0.01,
      120,
      "none",
      "cleared",
      t0,
      null,
      null,
    ],
    ["firing stays firing while breached", above, firing, 0.2, 900, "firing", "none", t0, at(300), null],
    ["firing recovering resolves", above, firing, 0.01, 900, "resolved", "resolved", t0, at(300), at(900)],
    [
      "lt firing resolves above",
      below,
      { ...firing },
      0.93,
      600,
      "resolved",
      "resolved",
      t0,
      at(300),
      at(600),
    ],
    ["no data holds a pending alert", above, pending, null, 600, "pending", "no_data", t0, null, null],
    ["no data holds a firing alert", above, firing, null, 900, "firing", "no_data", t0, at(300), null],
    ["NaN counts as no data", above, none, Number.NaN, 0, "none", "no_data", null, null, null],
    ["a late observation is ignored", above, firing, 0.01, 100, "firing", "stale", t0, at(300), null],
  ] as const)(
    "%s",
    (_title, rule, current, value, seconds, state, transition, startedAt, firedAt, resolvedAt) => {
      expect(nextAlertState(rule, current, { value, at: at(seconds) })).toEqual({
        state,
        transition,
        startedAt,
        firedAt,
        resolvedAt,
      });
    },
  );

  it("fires at once when `for` is 0", () => {
    expect(nextAlertState({ ...above, forSeconds: 0 }, none, { value: 1, at: t0 })).toEqual({
      state: "firing",
      transition: "started",
      startedAt: t0,
      firedAt: t0,
      resolvedAt: null,
    });
  });

  it("walks a whole incident: start, hold, fire, hold, resolve, then a new alert", () => {
    const values = [0.01, 0.07, 0.09, 0.08, 0.12, 0.03, 0.06];
    let current: CurrentAlert = none;
    const seen: string[] = [];
    for (const [i, value] of values.entries()) {
      const next = nextAlertState(above, current, { value, at: at(i * 150) });
      seen.push(next.transition);
      if (next.state === "pending") current = { state: "pending", startedAt: next.startedAt! };
      else if (next.state === "firing")
        current = { state: "firing", startedAt: next.startedAt!, firedAt: next.firedAt! };
      else current = none;
    }
    expect(seen).toEqual(["none", "started", "none", "fired", "none", "resolved", "started"]);
  });
});
