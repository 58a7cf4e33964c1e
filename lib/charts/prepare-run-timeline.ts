export type TimelineStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled" | "skipped";

export type TimelineJobInput = {
  id: string;
  name: string;
  stage: string | null;
  status: TimelineStatus;
  startedAt: string | null;
  finishedAt: string | null;
};

export type TimelineRunInput = { queuedAt: string; startedAt: string | null };

export type TimelineBar = {
  key: string;
  /** "stage" rows span their jobs; "job" rows follow their stage. */
  type: "stage" | "job";
  label: string;
  status: TimelineStatus;
  /** Seconds from the timeline's origin (the run's start) to the bar's start. */
  offset: number;
  /** Bar length in seconds; 0 for a job that has not started. */
  duration: number;
  /** Still running: the bar ends at `now` and grows on refresh. */
  open: boolean;
  /** Queued (no start time yet): no bar, only the row. */
  notStarted: boolean;
  color: string;
};

export type RunTimeline = { bars: TimelineBar[]; totalSeconds: number };

export const TIMELINE_COLOR: Record<TimelineStatus, string> = {
  queued: "var(--muted-foreground)",
  running: "var(--info)",
  succeeded: "var(--success)",
  failed: "var(--destructive)",
  cancelled: "var(--warning)",
  skipped: "var(--border)",
};

/** One status for a stage from its jobs: a failure wins, then anything still moving. */
export function stageStatus(statuses: TimelineStatus[]): TimelineStatus {
  const has = (s: TimelineStatus) => statuses.includes(s);
  if (has("failed")) return "failed";
  if (has("running")) return "running";
  if (statuses.length > 0 && statuses.every((s) => s === "queued")) return "queued";
  if (has("queued")) return "running";
  if (has("cancelled")) return "cancelled";
  if (statuses.length > 0 && statuses.every((s) => s === "skipped")) return "skipped";
  return "succeeded";
}

type Span = { start: number | null; end: number | null; open: boolean };

function spanOf(job: TimelineJobInput, now: number): Span {
  const start = job.startedAt ? Date.parse(job.startedAt) : null;
  if (start === null) return { start: null, end: null, open: false };
  const end = job.finishedAt ? Date.parse(job.finishedAt) : null;
  // A running job (or a finished one the provider sent no end for) reaches to now.
  return end === null
    ? { start, end: Math.max(start, now), open: true }
    : { start, end: Math.max(start, end), open: false };
}

function bar(
  key: string,
  type: TimelineBar["type"],
  label: string,
  status: TimelineStatus,
  span: Span,
  origin: number,
): TimelineBar {
  const notStarted = span.start === null;
  const offset = notStarted ? 0 : Math.max(0, (span.start! - origin) / 1000);
  const duration = notStarted ? 0 : (span.end! - Math.max(span.start!, origin)) / 1000;
  return {
    key,
    type,
    label,
    status,
    offset,
    duration: Math.max(0, duration),
    open: span.open,
    notStarted,
    color: TIMELINE_COLOR[status],
  };
}

/**
 * Shapes a run's jobs into horizontal bars measured from the run's start (its queue time
 * when it has not started, or the earliest job start if that is earlier). Jobs keep their
 * order; jobs sharing a stage are grouped under one stage bar (first-seen order) spanning
 * them. Running jobs end at `now`; queued jobs get a row but no bar.
 */
export function prepareRunTimeline(run: TimelineRunInput, jobs: TimelineJobInput[], now: Date): RunTimeline {
  const nowMs = now.getTime();
  const spans = new Map(jobs.map((job) => [job.id, spanOf(job, nowMs)]));
  const starts = [...spans.values()].flatMap((s) => (s.start === null ? [] : [s.start]));
  const runStart = Date.parse(run.startedAt ?? run.queuedAt);
  const origin = Math.min(runStart, ...starts);

  // Stages in first-seen order; a job without a stage is its own group, where it came.
  const groups = new Map<string, { stage: string | null; members: TimelineJobInput[] }>();
  for (const job of jobs) {
    const key = job.stage === null ? `job:${job.id}` : `stage:${job.stage}`;
    const group = groups.get(key) ?? { stage: job.stage, members: [] };
    group.members.push(job);
    groups.set(key, group);
  }

  const bars: TimelineBar[] = [];
  for (const { stage, members } of groups.values()) {
    if (stage !== null) {
      const started = members.map((m) => spans.get(m.id)!).filter((s) => s.start !== null);
      const stageSpan: Span = started.length
        ? {
            start: Math.min(...started.map((s) => s.start!)),
            end: Math.max(...started.map((s) => s.end!)),
            open: started.some((s) => s.open),
          }
        : { start: null, end: null, open: false };
      const status = stageStatus(members.map((m) => m.status));
      bars.push(bar(`stage:${stage}`, "stage", stage, status, stageSpan, origin));
    }
    for (const job of members) {
      bars.push(bar(`job:${job.id}`, "job", job.name, job.status, spans.get(job.id)!, origin));
    }
  }
  const totalSeconds = Math.max(0, ...bars.map((b) => b.offset + b.duration));
  return { bars, totalSeconds };
}
