import { PEOPLE, type Person } from "./catalog";
import type { RepositoryHistory } from "./commits";
import type { PipelineSpec, TrafficSpec } from "./pipeline-specs";
import { actorName, RENOVATE, scheduleActor, type TriggerKind, triggerName } from "./providers";
import { clamp, type Random } from "./random";
import { ACTIVITY_PER_WORKDAY, DAY, HOUR, isWeekend, MINUTE, utcHour, workActivity } from "./time";
import { commitTitle, dependencyBump, featureBranch, topic } from "./vocabulary";

/** Something that starts a run: a push, a review update, a schedule or a person pressing "run". */
export type RunEvent = {
  queuedAt: number;
  kind: TriggerKind;
  trigger: string;
  onMain: boolean;
  commitSha: string;
  branch: string;
  actor: string;
  title: string;
  /** Another push to the same branch follows before this run could finish (concurrency cancels it). */
  superseded: boolean;
};

type Window = { from: number; to: number };

/** Times of events in [from, to) whose hourly rate is `ratePerHour(hourStart)`. */
function poissonTimes(random: Random, window: Window, ratePerHour: (hourStart: number) => number): number[] {
  const times: number[] = [];
  for (let hour = Math.floor(window.from / HOUR) * HOUR; hour < window.to; hour += HOUR) {
    const count = random.poisson(ratePerHour(hour));
    const inHour = Array.from({ length: count }, () => hour + random.int(0, HOUR - 1));
    times.push(...inHour.filter((t) => t >= window.from && t < window.to).sort((a, b) => a - b));
  }
  return times;
}

/** Per-hour rate for something that happens `perDay` times on a working day. */
const humanRate = (perDay: number) => (hour: number) => (perDay * workActivity(hour)) / ACTIVITY_PER_WORKDAY;

function person(random: Random, spec: PipelineSpec): Person {
  return random.pick(PEOPLE[spec.project]);
}

function mergeTitle(spec: PipelineSpec, title: string, pull: number): string {
  if (spec.provider === "azure_devops") return `Merged PR ${pull}: ${title}`;
  if (spec.provider === "github") return `${title} (#${pull})`;
  return title;
}

/** Every event that starts a run of `spec` inside `window`, in time order. */
export function runEvents(
  random: Random,
  spec: PipelineSpec,
  history: RepositoryHistory,
  window: Window,
): RunEvent[] {
  const traffic = spec.traffic;
  if (!traffic) return [];
  // Default-branch pushes first: later events look up the branch head they create.
  const events = [
    ...mainPushes(random, spec, traffic, history, window),
    ...reviewSessions(random, spec, traffic, window),
    ...renovateRuns(random, spec, traffic, window),
    ...releaseBranchRuns(random, spec, traffic, window),
    ...scheduledRuns(random, spec, traffic, history, window),
    ...manualRuns(random, spec, traffic, history, window),
  ];
  return events.sort((a, b) => a.queuedAt - b.queuedAt);
}

function mainPushes(
  random: Random,
  spec: PipelineSpec,
  traffic: TrafficSpec,
  history: RepositoryHistory,
  window: Window,
) {
  return poissonTimes(random, window, humanRate(traffic.mainPushesPerDay)).map((at): RunEvent => {
    const author = person(random, spec);
    const title = mergeTitle(
      spec,
      commitTitle(random, spec.project),
      history.nextPullNumber(spec.repository),
    );
    const sha = random.hex(40);
    history.push(spec.repository, spec.project, { at, sha, title, author });
    return event(spec, "push", { queuedAt: at, onMain: true, commitSha: sha, branch: "main", title }, author);
  });
}

/** A pull/merge request: a few pushes to one branch over hours or days. */
function reviewSessions(random: Random, spec: PipelineSpec, traffic: TrafficSpec, window: Window) {
  const events: RunEvent[] = [];
  for (const opened of poissonTimes(random, window, humanRate(traffic.reviewSessionsPerDay))) {
    const about = topic(random, spec.project);
    const branch = featureBranch(random, about);
    const title = commitTitle(random, spec.project, about);
    const author = person(random, spec);
    const pushes = random.weighted([
      [1, 3],
      [2, 3],
      [3, 2],
      [4, 1],
      [5, 1],
    ] as const);
    let at = opened;
    for (let i = 0; i < pushes && at < window.to; i++) {
      const gap = clamp(random.logNormal(45 * MINUTE, 1), 3 * MINUTE, 20 * HOUR);
      const fields = { queuedAt: at, onMain: false, commitSha: random.hex(40), branch, title };
      const superseded = i < pushes - 1 && gap < spec.duration.medianMinutes * MINUTE;
      events.push({ ...event(spec, "review", fields, author), superseded });
      at += gap;
    }
  }
  return events;
}

/** Dependency bumps arrive early in the morning on weekdays, one or two pushes each. */
function renovateRuns(random: Random, spec: PipelineSpec, traffic: TrafficSpec, window: Window) {
  const rate = (hour: number) =>
    !isWeekend(hour) && utcHour(hour) >= 3 && utcHour(hour) < 7 ? traffic.renovatePerWeek / 20 : 0;
  return poissonTimes(random, window, rate)
    .flatMap((at) => {
      const bump = dependencyBump(random, spec.project);
      const pushes = random.chance(0.3) ? 2 : 1;
      return Array.from(
        { length: pushes },
        (_, i): RunEvent => ({
          ...event(spec, "review", {
            queuedAt: at + i * random.int(30, 600) * MINUTE,
            onMain: false,
            commitSha: random.hex(40),
            branch: bump.branch,
            title: bump.title,
          }),
          actor: RENOVATE[spec.provider],
        }),
      );
    })
    .filter((e) => e.queuedAt < window.to);
}

/** Hotfixes cherry-picked onto a release branch. */
function releaseBranchRuns(random: Random, spec: PipelineSpec, traffic: TrafficSpec, window: Window) {
  return poissonTimes(random, window, humanRate(traffic.releaseBranchPerWeek / 5)).map((at) => {
    const minor = 14 + Math.floor((at - window.from) / (12 * DAY));
    const title = `fix: ${topic(random, spec.project).replace(/-/g, " ")} hotfix for 1.${minor}`;
    const fields = {
      queuedAt: at,
      onMain: false,
      commitSha: random.hex(40),
      branch: `release/1.${minor}`,
      title,
    };
    return event(spec, "push", fields, person(random, spec));
  });
}

function scheduledRuns(
  random: Random,
  spec: PipelineSpec,
  traffic: TrafficSpec,
  history: RepositoryHistory,
  window: Window,
) {
  const nightly = traffic.nightly;
  if (!nightly) return [];
  const owner = PEOPLE[spec.project][0]!;
  const events: RunEvent[] = [];
  for (let day = Math.floor(window.from / DAY) * DAY; day < window.to; day += DAY) {
    const at = day + nightly.hourUtc * HOUR + random.int(0, 240) * 1000;
    if (at < window.from || at >= window.to) continue;
    if (nightly.weekdaysOnly && isWeekend(at)) continue;
    if (nightly.weekly && new Date(at).getUTCDay() !== 0) continue;
    const head = history.headAt(spec.repository, at, spec.project, owner);
    const title = spec.provider === "github" ? spec.name : head.title;
    const fields = { queuedAt: at, onMain: true, commitSha: head.sha, branch: "main", title };
    events.push({ ...event(spec, "schedule", fields, owner), actor: scheduleActor(spec.provider, owner) });
  }
  return events;
}

function manualRuns(
  random: Random,
  spec: PipelineSpec,
  traffic: TrafficSpec,
  history: RepositoryHistory,
  window: Window,
) {
  return poissonTimes(random, window, humanRate(traffic.manualPerWeek / 5)).map((at) => {
    const who = person(random, spec);
    const head = history.headAt(spec.repository, at, spec.project, who);
    const title = spec.provider === "github" ? spec.name : head.title;
    return event(
      spec,
      "manual",
      { queuedAt: at, onMain: true, commitSha: head.sha, branch: "main", title },
      who,
    );
  });
}

type EventFields = Pick<RunEvent, "queuedAt" | "onMain" | "commitSha" | "branch" | "title">;

function event(spec: PipelineSpec, kind: TriggerKind, fields: EventFields, who?: Person): RunEvent {
  return {
    ...fields,
    kind,
    trigger: triggerName(spec.provider, kind),
    actor: who ? actorName(spec.provider, who) : "",
    superseded: false,
  };
}
