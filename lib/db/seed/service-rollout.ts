import type { DeploymentStatus } from "@/lib/db/schema/enums";
import { type DeploymentPlan, deploy } from "./deployments";
import type { PipelineSpec } from "./pipeline-specs";
import type { ProjectPlan } from "./projects";
import type { Random } from "./random";
import type { ReleasePlan } from "./releases";
import { DAY, HOUR, isWeekend, MINUTE, nextWorkingTime, startOfUtcDay } from "./time";
import type { DemoUser, DemoUsers } from "./users";

export type ServiceRolloutOptions = {
  /** A production deployment ~5 days ago that regresses and is rolled back ~6 hours later. */
  regression?: boolean;
  /** A production deployment about this many days ago fails. */
  failedProductionDaysAgo?: number;
  /**
   * Newest releases kept off staging so they can be pending promotions or deploying now.
   * The release just before them ends on staging and is kept out of production, so a
   * promotion to production can be waiting for it.
   */
  holdBack: number;
  /** The newest release is deploying to development right now. */
  deployingNow?: boolean;
};

export type Regression = { bad: DeploymentPlan; rollback: DeploymentPlan };

type Slot = {
  at: number;
  environment: "staging" | "production";
  /** Moments the story needs; they never fail by chance. */
  forced?: "regression" | "fix" | "final" | "failure";
};

type Rollout = {
  random: Random;
  now: number;
  project: ProjectPlan;
  releases: ReleasePlan[];
  pipeline: { spec: PipelineSpec; id: string };
  users: DemoUsers;
};

/** Asks for a promotion: mostly the engineer, sometimes the admin. */
export function pickRequester(random: Random, users: DemoUsers): DemoUser {
  return random.chance(0.7) ? users.engineer : users.admin;
}

/** Every release goes to development a few minutes after it is tagged (the newest may be going now). */
function deployEachToDevelopment(rollout: Rollout, options: ServiceRolloutOptions) {
  const { random, now, releases } = rollout;
  const deployments: DeploymentPlan[] = [];
  const devReadyAt = new Map<string, number>();
  for (const [index, release] of releases.entries()) {
    const deployingNow = options.deployingNow && index === releases.length - 1;
    const at = deployingNow
      ? now - random.int(1, 4) * MINUTE
      : release.createdAt + random.int(2, 12) * MINUTE;
    // A deploy started in the last few minutes would still be running: it has not happened yet.
    if (!deployingNow && at > now - 12 * MINUTE) continue;
    // The newest releases deploy cleanly: the promotions waiting now are built on them.
    const mayFail = index < releases.length - 1 - options.holdBack - 2;
    const status: DeploymentStatus = deployingNow
      ? "in_progress"
      : mayFail && random.chance(0.05)
        ? "failed"
        : "succeeded";
    const autoActor = release.build.row.actor ?? undefined;
    const shipment = {
      release,
      environment: "development" as const,
      at,
      status,
      requester: null,
      gated: false,
    };
    const plan = ship(rollout, { ...shipment, autoActor });
    deployments.push(plan);
    if (status === "succeeded") devReadyAt.set(release.row.id, plan.row.finishedAt!.getTime());
  }
  return { deployments, devReadyAt };
}

/**
 * Every release goes to development; a few a week reach staging and production through
 * the gates, in order, never going backwards except through an explicit rollback.
 */
export function planServiceRollout(rollout: Rollout, start: number, options: ServiceRolloutOptions) {
  const { random, now, releases } = rollout;
  const { deployments, devReadyAt } = deployEachToDevelopment(rollout, options);
  const regressionAt = options.regression ? regressionTime(random, now) : null;
  const slots = plannedSlots(random, start, now, regressionAt, options);
  let staging: { release: ReleasePlan; readyAt: number } | null = null;
  let production: DeploymentPlan | null = null;
  let regression: Regression | null = null;
  const position = (release: ReleasePlan | undefined) => (release ? releases.indexOf(release) : -1);
  const onDev = (at: number) =>
    releases.filter((r) => (devReadyAt.get(r.row.id) ?? Infinity) <= at - 30 * MINUTE);
  const prodRelease = () => (production?.subject.kind === "release" ? production.subject.release : undefined);

  // After a regression the bad release never goes out again, even if staging still holds it.
  let floor = -1;
  const reserved = releases.length - 1 - options.holdBack;
  for (const slot of slots) {
    if (slot.environment === "staging") {
      const ready = onDev(slot.at).filter((r) => position(r) < releases.length - options.holdBack);
      const candidate = ready.at(-1);
      if (!candidate || position(candidate) <= position(staging?.release)) continue;
      const status = slot.forced ? "succeeded" : random.chance(0.04) ? "failed" : "succeeded";
      const gated = Boolean(rollout.project.spec.gates.staging);
      const requester = pickRequester(random, rollout.users);
      const plan = ship(rollout, {
        release: candidate,
        environment: "staging",
        at: slot.at,
        status,
        requester,
        gated,
      });
      deployments.push(plan);
      if (status === "succeeded") staging = { release: candidate, readyAt: plan.row.finishedAt!.getTime() };
      continue;
    }
    const candidate = staging && staging.readyAt <= slot.at - 3 * HOUR ? staging.release : undefined;
    if (!candidate || position(candidate) <= Math.max(floor, position(prodRelease()))) continue;
    if (position(candidate) >= reserved && slot.forced !== "regression") continue;
    const status = slot.forced === "failure" ? "failed" : "succeeded";
    const requester = pickRequester(random, rollout.users);
    const plan = ship(rollout, {
      release: candidate,
      environment: "production",
      at: slot.at,
      status,
      requester,
      gated: true,
    });
    deployments.push(plan);
    if (status !== "succeeded") continue;
    if (slot.forced === "regression" && production) {
      const rollback = rollBack(rollout, plan, production);
      deployments.push(rollback);
      regression = { bad: plan, rollback };
      production = rollback;
      floor = position(candidate);
    } else production = plan;
  }
  return { deployments, regression };
}

type Shipment = {
  release: ReleasePlan;
  environment: "development" | "staging" | "production";
  at: number;
  status: DeploymentStatus;
  requester: DemoUser | null;
  gated: boolean;
  autoActor?: string;
};

function ship(rollout: Rollout, shipment: Shipment): DeploymentPlan {
  const { random, project, pipeline, now } = rollout;
  const { release, requester, ...rest } = shipment;
  const subject = { kind: "release" as const, release };
  return deploy(random, { ...rest, project, subject, pipeline, requestedBy: requester }, now);
}

/** The on-call admin restores the previous release about six hours after the bad one. */
function rollBack(rollout: Rollout, bad: DeploymentPlan, previous: DeploymentPlan): DeploymentPlan {
  const { random, project, pipeline, now, users } = rollout;
  const at = bad.row.finishedAt!.getTime() + 6 * HOUR + random.int(-20, 20) * MINUTE;
  const request = {
    project,
    environment: "production" as const,
    subject: previous.subject,
    at,
    status: "succeeded" as const,
    pipeline,
    requestedBy: users.admin,
    gated: false,
    rollbackOf: bad,
  };
  return deploy(random, request, now);
}

/** About five days ago (a weekday at most two days earlier), early afternoon UTC. */
function regressionTime(random: Random, now: number): number {
  let day = startOfUtcDay(now - 5 * DAY);
  while (isWeekend(day)) day -= DAY;
  return day + 13 * HOUR + random.int(0, 50) * MINUTE;
}

/** Mid-afternoon of the working day before `at`. */
function previousWorkingAfternoon(at: number): number {
  let day = startOfUtcDay(at) - DAY;
  while (isWeekend(day)) day -= DAY;
  return day + 15 * HOUR;
}

/** Weekday working-hour slots at roughly `perWeek`, plus the forced moments of the story. */
function plannedSlots(
  random: Random,
  start: number,
  now: number,
  regressionAt: number | null,
  options: ServiceRolloutOptions,
): Slot[] {
  const slots: Slot[] = [
    // More slots than deployments: a slot passes when there is nothing newer to ship.
    ...workingSlots(random, start + 2 * DAY, now - 5 * DAY, 4.5).map((at) => ({
      at,
      environment: "staging" as const,
    })),
    ...workingSlots(random, start + 4 * DAY, now - 30 * HOUR, 4).map((at) => ({
      at,
      environment: "production" as const,
    })),
    { at: now - random.int(10, 16) * HOUR, environment: "staging", forced: "final" },
  ];
  if (options.failedProductionDaysAgo) {
    const target = now - options.failedProductionDaysAgo * DAY;
    const distance = (s: Slot) => Math.abs(s.at - target);
    const production = slots
      .filter((s) => s.environment === "production")
      .sort((a, b) => distance(a) - distance(b));
    if (production[0]) production[0].forced = "failure";
  }
  if (regressionAt !== null) {
    // Around the regression only the story's own slots: nothing else goes to production for
    // a few days before (so the release is new) or until the fix is out after the rollback,
    // and nothing else reaches staging that could be too fresh to ship at the bad moment.
    const stagedAt = previousWorkingAfternoon(regressionAt);
    const fixStagedAt = nextWorkingTime(regressionAt + 1.3 * DAY);
    const fixAt = nextWorkingTime(fixStagedAt + 4 * HOUR);
    const kept = slots.filter((s) => s.forced || s.at < regressionAt - 4 * DAY || s.at > fixAt + DAY);
    kept.push(
      { at: stagedAt, environment: "staging", forced: "final" },
      { at: regressionAt, environment: "production", forced: "regression" },
      { at: fixStagedAt, environment: "staging", forced: "final" },
      { at: fixAt, environment: "production", forced: "fix" },
    );
    return kept.sort((a, b) => a.at - b.at);
  }
  return slots.sort((a, b) => a.at - b.at);
}

function workingSlots(random: Random, from: number, to: number, perWeek: number): number[] {
  const slots: number[] = [];
  for (let day = startOfUtcDay(from) + DAY; day < to; day += DAY) {
    if (isWeekend(day) || !random.chance(perWeek / 5)) continue;
    const at = day + random.int(9 * 60 + 30, 16 * 60 + 30) * MINUTE;
    if (at < to) slots.push(at);
  }
  return slots;
}
