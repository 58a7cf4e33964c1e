import type { RunStatus } from "@/lib/db/schema/enums";
import type { PipelineSpec, StageSpec } from "./pipeline-specs";
import type { JobRow, PlannedRun } from "./plan-types";
import { clamp, type Random } from "./random";
import { MINUTE, SECOND } from "./time";

/** Everything about a run except its provider ids, which are assigned once all runs exist. */
export type RunRequest = {
  spec: PipelineSpec;
  pipelineId: string;
  projectId: string;
  queuedAt: number;
  status: RunStatus;
  onMain: boolean;
  commitSha: string;
  branch: string;
  actor: string;
  trigger: string;
  title: string;
  /** Job that breaks when the run fails (a flaky test keeps failing the same job). */
  failingJob?: string;
};

type Timed = { start: number; end: number };

/**
 * Builds a run and its jobs with timings that add up: stages run one after another, jobs
 * in a stage in parallel, a failure skips everything after its stage.
 */
export function buildRun(random: Random, request: RunRequest, now: number): PlannedRun {
  const { spec } = request;
  const stages = spec.stages.filter((s) => !s.mainOnly || request.onMain);
  const queueDelay = clamp(random.logNormal(9 * SECOND, 0.9), 2 * SECOND, 4 * MINUTE);
  const { medianMinutes, minMinutes, maxMinutes } = spec.duration;
  // Runner pick-up between stages adds about ten seconds each; keep the total in range.
  const overhead = stages.length * 10 * SECOND + 6 * SECOND;
  const plannedDuration = clamp(
    random.logNormal(medianMinutes * MINUTE, 0.32),
    minMinutes * MINUTE,
    maxMinutes * MINUTE - overhead,
  );

  const startedAt = request.status === "queued" ? null : startTime(request, queueDelay, now);
  // A running run must still have work left at `now`.
  const duration =
    request.status === "running" && startedAt !== null
      ? Math.max(plannedDuration, (now - startedAt) * random.float(1.2, 2))
      : plannedDuration;
  const schedule = startedAt === null ? null : scheduleStages(random, stages, startedAt, duration);
  const cut = cutPosition(random, request, stages);

  const jobs: JobRow[] = [];
  let lastJobEnd: number | null = null;
  for (const [stageIndex, stage] of stages.entries()) {
    for (const [jobIndex, name] of stage.jobs.entries()) {
      const timing = schedule?.[stageIndex]?.[jobIndex] ?? null;
      const status = jobStatus(request.status, stageIndex, jobIndex, cut, timing, now);
      const ran = timing !== null && status !== "skipped" && status !== "queued";
      const finished = ran && status !== "running";
      jobs.push({
        id: random.uuid(),
        runId: "",
        externalId: "",
        name,
        stage: stage.stage,
        status,
        runner: null,
        url: null,
        position: jobs.length,
        startedAt: ran ? new Date(timing.start) : null,
        finishedAt: finished ? new Date(timing.end) : null,
      });
      if (finished) lastJobEnd = Math.max(lastJobEnd ?? 0, timing.end);
    }
  }

  const finishedAt = finishTime(random, request.status, startedAt, lastJobEnd);
  const updatedAt = new Date(finishedAt ?? startedAt ?? request.queuedAt);
  return {
    spec,
    onMain: request.onMain,
    jobs,
    row: {
      id: random.uuid(),
      pipelineId: request.pipelineId,
      projectId: request.projectId,
      provider: spec.provider,
      externalId: "",
      status: request.status,
      title: request.title,
      commitSha: request.commitSha,
      branch: request.branch,
      actor: request.actor,
      trigger: request.trigger,
      queuedAt: new Date(request.queuedAt),
      startedAt: startedAt === null ? null : new Date(startedAt),
      finishedAt: finishedAt === null ? null : new Date(finishedAt),
      providerUpdatedAt: updatedAt,
      createdAt: new Date(request.queuedAt),
      updatedAt,
    },
  };
}

function startTime(request: RunRequest, queueDelay: number, now: number): number {
  const start = request.queuedAt + queueDelay;
  return request.status === "running" ? Math.min(start, now - 30 * SECOND) : start;
}

function finishTime(random: Random, status: RunStatus, startedAt: number | null, lastJobEnd: number | null) {
  if (status === "running" || status === "queued" || startedAt === null) return null;
  if (status === "skipped") return startedAt + random.int(1, 4) * SECOND;
  return (lastJobEnd ?? startedAt) + random.int(1, 6) * SECOND;
}

/** The stage and job where a failed or cancelled run stopped. */
function cutPosition(random: Random, request: RunRequest, stages: StageSpec[]) {
  if (request.status === "failed") return failingPosition(random, stages, request.failingJob);
  if (request.status === "cancelled") return { stage: random.int(0, stages.length - 1), job: -1 };
  return null;
}

/** Start and end of every job, stage by stage. */
function scheduleStages(random: Random, stages: StageSpec[], startedAt: number, duration: number): Timed[][] {
  const totalWeight = stages.reduce((sum, s) => sum + s.weight, 0);
  let cursor = startedAt;
  return stages.map((stage) => {
    const stageLength = (duration * stage.weight) / totalWeight;
    const timings = stage.jobs.map((_, index) => {
      const start = cursor + random.int(1, 4) * SECOND;
      // The first job sets the stage length; parallel siblings finish somewhat earlier.
      const length = index === 0 ? stageLength : stageLength * random.float(0.55, 1);
      return { start, end: start + length };
    });
    cursor = Math.max(...timings.map((t) => t.end)) + random.int(2, 5) * SECOND;
    return timings;
  });
}

/** Where a failed run broke: the named job if it ran, otherwise mostly in the heaviest (test) stage. */
function failingPosition(
  random: Random,
  stages: StageSpec[],
  failingJob?: string,
): { stage: number; job: number } {
  if (failingJob) {
    const stage = stages.findIndex((s) => s.jobs.includes(failingJob));
    if (stage >= 0) return { stage, job: stages[stage]!.jobs.indexOf(failingJob) };
  }
  const stage = random.weighted(stages.map((s, index) => [index, s.weight] as const));
  return { stage, job: random.int(0, stages[stage]!.jobs.length - 1) };
}

function jobStatus(
  runStatus: RunStatus,
  stage: number,
  job: number,
  cut: { stage: number; job: number } | null,
  timing: Timed | null,
  now: number,
): RunStatus {
  switch (runStatus) {
    case "succeeded":
      return "succeeded";
    case "skipped":
    case "queued":
      return runStatus;
    case "running":
      if (!timing || timing.start > now) return "queued";
      return timing.end <= now ? "succeeded" : "running";
    case "failed":
    case "cancelled": {
      if (!cut) return "succeeded";
      if (stage < cut.stage) return "succeeded";
      if (stage > cut.stage) return "skipped";
      if (runStatus === "cancelled") return "cancelled";
      return job === cut.job ? "failed" : "succeeded";
    }
  }
}
