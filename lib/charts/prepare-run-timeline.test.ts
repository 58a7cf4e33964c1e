import { describe, expect, it } from "vitest";
import {
  prepareRunTimeline,
  stageStatus,
  TIMELINE_COLOR,
  type TimelineJobInput,
} from "./prepare-run-timeline";

const T0 = Date.UTC(2026, 2, 1, 10, 0, 0);
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
const run = { queuedAt: at(-30), startedAt: at(0) };
const job = (id: string, input: Partial<TimelineJobInput>): TimelineJobInput => ({
  id,
  name: id,
  stage: null,
  status: "succeeded",
  startedAt: null,
  finishedAt: null,
  ...input,
});

describe("prepareRunTimeline", () => {
  it("measures finished jobs from the run's start, coloured by status", () => {
    const { bars, totalSeconds } = prepareRunTimeline(
      run,
      [
        job("build", { startedAt: at(5), finishedAt: at(65) }),
        job("test", { status: "failed", startedAt: at(70), finishedAt: at(100) }),
      ],
      new Date(T0 + 500_000),
    );
    expect(bars.map((b) => [b.label, b.offset, b.duration, b.color])).toEqual([
      ["build", 5, 60, TIMELINE_COLOR.succeeded],
      ["test", 70, 30, TIMELINE_COLOR.failed],
    ]);
    expect(totalSeconds).toBe(100);
  });

  it("runs a job without a finish time up to now and marks it open", () => {
    const [bar] = prepareRunTimeline(
      run,
      [job("deploy", { status: "running", startedAt: at(10) })],
      new Date(T0 + 40_000),
    ).bars;
    expect(bar).toMatchObject({ offset: 10, duration: 30, open: true, status: "running" });
  });

  it("gives a queued job a row without a bar", () => {
    const [bar] = prepareRunTimeline(run, [job("later", { status: "queued" })], new Date(T0 + 40_000)).bars;
    expect(bar).toMatchObject({ offset: 0, duration: 0, notStarted: true, open: false });
  });

  it("groups jobs under one bar per stage, in first-seen order, spanning its jobs", () => {
    const { bars } = prepareRunTimeline(
      run,
      [
        job("lint", { stage: "check", startedAt: at(0), finishedAt: at(20) }),
        job("compile", { stage: "build", startedAt: at(25), finishedAt: at(90) }),
        job("unit", { stage: "check", status: "failed", startedAt: at(5), finishedAt: at(50) }),
        job("notify", { startedAt: at(95), finishedAt: at(96) }),
      ],
      new Date(T0 + 1_000_000),
    );
    expect(bars.map((b) => `${b.type}:${b.label}`)).toEqual([
      "stage:check",
      "job:lint",
      "job:unit",
      "stage:build",
      "job:compile",
      "job:notify",
    ]);
    expect(bars[0]).toMatchObject({ offset: 0, duration: 50, status: "failed" });
  });

  it("keeps an open stage open and counts only started jobs in its span", () => {
    const { bars } = prepareRunTimeline(
      run,
      [
        job("a", { stage: "s", startedAt: at(0), finishedAt: at(10) }),
        job("b", { stage: "s", status: "running", startedAt: at(10) }),
        job("c", { stage: "s", status: "queued" }),
      ],
      new Date(T0 + 30_000),
    );
    expect(bars[0]).toMatchObject({ type: "stage", offset: 0, duration: 30, open: true, status: "running" });
  });

  it("starts at the earliest job when a job began before the run's recorded start", () => {
    const { bars } = prepareRunTimeline(
      run,
      [job("early", { startedAt: at(-10), finishedAt: at(5) })],
      new Date(T0),
    );
    expect(bars[0]).toMatchObject({ offset: 0, duration: 15 });
  });

  it("uses the queue time as origin for a run that has not started", () => {
    const { bars, totalSeconds } = prepareRunTimeline(
      { queuedAt: at(0), startedAt: null },
      [job("q", { status: "queued" })],
      new Date(T0 + 5000),
    );
    expect(bars).toHaveLength(1);
    expect(totalSeconds).toBe(0);
  });

  it("never draws a negative bar when the finish precedes the start", () => {
    const [bar] = prepareRunTimeline(
      run,
      [job("odd", { startedAt: at(20), finishedAt: at(10) })],
      new Date(T0),
    ).bars;
    expect(bar!.duration).toBe(0);
  });
});

describe("stageStatus", () => {
  it.each([
    [["succeeded", "failed", "running"], "failed"],
    [["succeeded", "running"], "running"],
    [["queued", "queued"], "queued"],
    [["succeeded", "queued"], "running"],
    [["succeeded", "cancelled"], "cancelled"],
    [["skipped", "skipped"], "skipped"],
    [["succeeded", "skipped"], "succeeded"],
  ] as const)("%j is %s", (statuses, expected) => {
    expect(stageStatus([...statuses])).toBe(expected);
  });
});
