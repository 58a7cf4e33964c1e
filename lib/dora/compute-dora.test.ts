import { describe, expect, it } from "vitest";
import {
  computeDora,
  computeDoraWeeks,
  DAY_MS,
  type DoraDeployment,
  failedChangeIds,
  median,
  WEEK_MS,
} from "./compute-dora";

const HOUR = 3_600_000;
const t0 = Date.UTC(2026, 9, 5); // a Monday

function dep(id: string, at: number, overrides: Partial<DoraDeployment> = {}): DoraDeployment {
  return {
    id,
    environmentId: "prod",
    status: "succeeded",
    isRollback: false,
    rollbackOfId: null,
    startedAt: at - 10 * 60_000,
    finishedAt: at,
    sourceAt: at - 2 * HOUR,
    ...overrides,
  };
}

describe("median", () => {
  it("is null for nothing, the middle value, or the mean of the two middle values", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("computeDora", () => {
  it("answers null, not zero, when there were no deployments or incidents", () => {
    expect(computeDora([], [], t0, t0 + WEEK_MS)).toEqual({
      deployments: 0,
      deploymentsPerDay: null,
      leadTimeMs: null,
      changeFailureRate: null,
      timeToRestoreMs: null,
    });
  });

  it("counts successful deployments per day and the median lead time", () => {
    const deployments = [
      dep("a", t0 + 1 * DAY_MS, { sourceAt: t0 + 1 * DAY_MS - 1 * HOUR }),
      dep("b", t0 + 2 * DAY_MS, { sourceAt: t0 + 2 * DAY_MS - 3 * HOUR }),
      dep("c", t0 + 3 * DAY_MS, { sourceAt: null }), // unknown source: no lead time
      dep("d", t0 + 4 * DAY_MS, { status: "failed" }),
      dep("late", t0 + 8 * DAY_MS), // outside the week
    ];
    const m = computeDora(deployments, [], t0, t0 + WEEK_MS);
    expect(m.deployments).toBe(4);
    expect(m.deploymentsPerDay).toBeCloseTo(3 / 7);
    expect(m.leadTimeMs).toBe(2 * HOUR);
    expect(m.changeFailureRate).toBe(0.25);
  });

  it("counts a rolled-back change as failed, but not the rollback itself", () => {
    const deployments = [
      dep("good", t0 + 1 * HOUR),
      dep("bad", t0 + 2 * HOUR),
      dep("undo", t0 + 3 * HOUR, { isRollback: true, rollbackOfId: "bad" }),
      dep("bad2", t0 + 4 * HOUR),
      dep("undo2", t0 + 5 * HOUR, { isRollback: true }), // no link: undoes the one before it
    ];
    expect([...failedChangeIds(deployments)].sort()).toEqual(["bad", "bad2"]);
    const m = computeDora(deployments, [], t0, t0 + DAY_MS);
    expect(m.deployments).toBe(3);
    expect(m.changeFailureRate).toBeCloseTo(2 / 3);
    // Each was restored by its rollback an hour later.
    expect(m.timeToRestoreMs).toBe(HOUR);
  });

  it("restores a failure with the next success in the same environment only", () => {
    const deployments = [
      dep("fail", t0 + 1 * HOUR, { status: "failed" }),
      dep("other-env", t0 + 2 * HOUR, { environmentId: "prod-eu" }),
      dep("fix", t0 + 5 * HOUR),
      dep("open", t0 + 6 * HOUR, { status: "failed" }), // never restored: not counted
    ];
    expect(computeDora(deployments, [], t0, t0 + DAY_MS).timeToRestoreMs).toBe(4 * HOUR);
  });

  it("takes firing alerts that resolved into the time to restore", () => {
    const incidents = [
      { firedAt: t0 + HOUR, resolvedAt: t0 + 2 * HOUR },
      { firedAt: t0 + HOUR, resolvedAt: t0 + 4 * HOUR },
      { firedAt: t0 + HOUR, resolvedAt: null },
    ];
    const m = computeDora([], incidents, t0, t0 + DAY_MS);
    expect(m.timeToRestoreMs).toBe(2 * HOUR);
    expect(m.deploymentsPerDay).toBeNull();
  });

  it("ignores queued, running and cancelled deployments except to say some were tried", () => {
    const m = computeDora([dep("c", t0 + HOUR, { status: "cancelled" })], [], t0, t0 + DAY_MS);
    expect(m).toMatchObject({ deployments: 0, deploymentsPerDay: 0, changeFailureRate: null });
  });
});

describe("computeDoraWeeks", () => {
  it("buckets by week, the last one shorter, with nulls in empty weeks", () => {
    const deployments = [dep("a", t0 + DAY_MS), dep("b", t0 + 15 * DAY_MS, { status: "failed" })];
    const weeks = computeDoraWeeks(deployments, [], t0, t0 + 17 * DAY_MS);
    expect(weeks.map((w) => w.weekStart)).toEqual([t0, t0 + WEEK_MS, t0 + 2 * WEEK_MS]);
    expect(weeks[0]).toMatchObject({ deployments: 1, changeFailureRate: 0 });
    expect(weeks[0]!.deploymentsPerDay).toBeCloseTo(1 / 7);
    expect(weeks[1]).toMatchObject({ deployments: 0, deploymentsPerDay: null, changeFailureRate: null });
    expect(weeks[2]).toMatchObject({ deployments: 1, deploymentsPerDay: 0, changeFailureRate: 1 });
  });
});
