import type { RunStatus } from "@/lib/db/schema/enums";
import { PEOPLE } from "./catalog";
import type { RepositoryHistory } from "./commits";
import { buildRun } from "./jobs";
import type { PipelineSpec } from "./pipeline-specs";
import type { PlanContext, PlannedRun } from "./plan-types";
import { actorName, triggerName } from "./providers";
import type { Random } from "./random";
import { type RunEvent, runEvents } from "./run-events";
import { DAY, MINUTE, SECOND } from "./time";
import { commitTitle, featureBranch, topic } from "./vocabulary";

export type PipelineIds = { pipelineId: string; projectId: string };

/** A stretch of days in which one job keeps failing on the default branch (a flaky test week). */
type FailureStreak = { from: number; to: number; job: string };

/**
 * Ninety days of history for one pipeline, plus the runs still going on right now.
 * Deploy pipelines get no runs here; deployments create theirs.
 */
export function planPipelineRuns(
  ctx: PlanContext,
  spec: PipelineSpec,
  ids: PipelineIds,
  history: RepositoryHistory,
): PlannedRun[] {
  const random = ctx.random.fork(`runs/${spec.key}`);
  // Leave the last stretch empty so nothing planned as finished would still be running now.
  const quietTail = (spec.duration.maxMinutes + 5) * MINUTE;
  const events = runEvents(random, spec, history, { from: ctx.start, to: ctx.now - quietTail });
  const streaks = failureStreaks(random, spec, ctx);
  const outcomes = events.map((event) => decideOutcome(random, spec, event, streaks));
  if (spec.endsFailing) {
    for (const outcome of outcomes.slice(-spec.endsFailing.runs)) {
      outcome.status = "failed";
      outcome.failingJob = spec.endsFailing.job;
    }
  }
  const finished = events.map((event, i) =>
    buildRun(random, { ...event, ...ids, spec, ...outcomes[i]! }, ctx.now),
  );
  return [...finished, ...activeRuns(random, spec, ids, history, ctx.now)];
}

function failureStreaks(random: Random, spec: PipelineSpec, ctx: PlanContext): FailureStreak[] {
  const heaviest = [...spec.stages].sort((a, b) => b.weight - a.weight)[0]!;
  return Array.from({ length: random.int(2, 3) }, () => {
    const from = random.int(ctx.start + 3 * DAY, ctx.now - 8 * DAY);
    return { from, to: from + random.float(1.5, 4) * DAY, job: random.pick(heaviest.jobs) };
  });
}

function decideOutcome(
  random: Random,
  spec: PipelineSpec,
  event: RunEvent,
  streaks: FailureStreak[],
): { status: RunStatus; failingJob?: string } {
  if (event.kind !== "schedule" && random.chance(0.012)) return { status: "skipped" };
  if (event.superseded && random.chance(0.8)) return { status: "cancelled" };
  if (random.chance(event.kind === "review" ? 0.03 : 0.01)) return { status: "cancelled" };
  const streak = event.onMain
    ? streaks.find((s) => event.queuedAt >= s.from && event.queuedAt < s.to)
    : undefined;
  if (streak && random.chance(0.7)) return { status: "failed", failingJob: streak.job };
  // Work in progress breaks more often than what has been reviewed and merged.
  const failureRate = spec.failureRate * (event.onMain ? 1 : 1.8);
  return { status: random.chance(failureRate) ? "failed" : "succeeded" };
}

/** Runs started in the last hour that are still queued or running. */
function activeRuns(
  random: Random,
  spec: PipelineSpec,
  ids: PipelineIds,
  history: RepositoryHistory,
  now: number,
): PlannedRun[] {
  if (!spec.active) return [];
  const longest = Math.min(50 * MINUTE, spec.duration.medianMinutes * MINUTE * 0.8);
  const running = Array.from({ length: spec.active.running }, () =>
    activeRun(random, spec, ids, history, now - random.int(2 * MINUTE, longest), "running", now),
  );
  const queued = Array.from({ length: spec.active.queued }, () =>
    activeRun(random, spec, ids, history, now - random.int(5 * SECOND, 100 * SECOND), "queued", now),
  );
  return [...running, ...queued].sort((a, b) => a.row.queuedAt.getTime() - b.row.queuedAt.getTime());
}

function activeRun(
  random: Random,
  spec: PipelineSpec,
  ids: PipelineIds,
  history: RepositoryHistory,
  queuedAt: number,
  status: "running" | "queued",
  now: number,
): PlannedRun {
  const who = random.pick(PEOPLE[spec.project]);
  const base = { ...ids, spec, queuedAt, status, actor: actorName(spec.provider, who) };
  if (spec.kind === "training") {
    const head = history.headAt(spec.repository, queuedAt, spec.project, who);
    const trigger = triggerName(spec.provider, "manual");
    const fields = { onMain: true, commitSha: head.sha, branch: "main", title: head.title, trigger };
    return buildRun(random, { ...base, ...fields }, now);
  }
  const about = topic(random, spec.project);
  const fields = {
    onMain: false,
    commitSha: random.hex(40),
    branch: featureBranch(random, about),
    title: commitTitle(random, spec.project, about),
    trigger: triggerName(spec.provider, "review"),
  };
  return buildRun(random, { ...base, ...fields }, now);
}
