import type { PromotionStatus } from "@/lib/db/schema/enums";
import type { EnvironmentSlug, ProjectSlug } from "./catalog";
import type { DeploymentPlan, Subject } from "./deployments";
import type { Random } from "./random";
import { HOUR, MINUTE } from "./time";
import type { DemoUser, DemoUsers } from "./users";

/**
 * The promotion requests that make the approvals page tell a story: ones that ended
 * without a deployment, and the ones waiting for a decision right now.
 */

export const EXPIRY = 72 * HOUR;

/** A request before it gets ids: what, where, who asked, and what happened to it. */
export type Draft = {
  project: ProjectSlug;
  environment: EnvironmentSlug;
  subject: Subject;
  requester: DemoUser;
  createdAt: number;
  status: PromotionStatus;
  decidedAt?: number;
  updatedAt?: number;
  deployment?: DeploymentPlan;
  decisions?: { user: DemoUser; decision: "approve" | "reject"; at: number; comment: string }[];
};

/** Requests that ended without a deployment: one rejected, one expired, one cancelled. */
export function closedRequests(
  random: Random,
  now: number,
  users: DemoUsers,
  deployments: DeploymentPlan[],
): Draft[] {
  const drafts: Draft[] = [];
  const rejectable = latestStaged(
    deployments,
    "checkout-service",
    (d) => d.row.createdAt!.getTime() < now - 14 * 24 * HOUR,
  );
  if (rejectable) {
    const createdAt = rejectable.row.finishedAt!.getTime() + random.int(60, 240) * MINUTE;
    const at = createdAt + random.int(30, 180) * MINUTE;
    const comment = "p95 latency on staging is up ~40 ms with this build; please profile before we ship.";
    drafts.push({
      ...requestOf(rejectable, "production", users.engineer, createdAt),
      status: "rejected",
      decidedAt: at,
      decisions: [{ user: users.approver2, decision: "reject", at, comment }],
    });
  }
  const ranker = modelStaging(deployments, "ranker", -2);
  if (ranker) {
    const createdAt = Math.min(
      ranker.row.finishedAt!.getTime() + random.int(2, 6) * HOUR,
      now - EXPIRY - 6 * HOUR,
    );
    drafts.push({
      ...requestOf(ranker, "production", users.engineer, createdAt),
      status: "expired",
      decidedAt: createdAt + EXPIRY,
    });
  }
  const superseded = modelStaging(deployments, "fraud-classifier", -2);
  if (superseded) {
    const createdAt = superseded.row.finishedAt!.getTime() + random.int(1, 4) * HOUR;
    const cancelledAt = Math.min(now - HOUR, createdAt + random.int(2, 20) * HOUR);
    const request = requestOf(superseded, "production", users.engineer, createdAt);
    drafts.push({ ...request, status: "cancelled", decidedAt: cancelledAt });
  }
  return drafts;
}

/** What is waiting for a decision right now. */
export function pendingRequests(
  random: Random,
  now: number,
  users: DemoUsers,
  deployments: DeploymentPlan[],
): Draft[] {
  const drafts: Draft[] = [];
  const recently = (from: number, minMinutes: number, maxMinutes: number) =>
    Math.min(
      now - 2 * MINUTE,
      Math.max(from + 10 * MINUTE, now - random.int(minMinutes, maxMinutes) * MINUTE),
    );

  const fraud = modelStaging(deployments, "fraud-classifier", -1);
  if (fraud) {
    const createdAt = recently(fraud.row.finishedAt!.getTime(), 6 * 60, 9 * 60);
    const at = Math.min(now - MINUTE, createdAt + random.int(30, 150) * MINUTE);
    const decisions = [
      {
        user: users.approver,
        decision: "approve" as const,
        at,
        comment:
          "AUC and recall beat the champion; drift alert is what this fixes. One more approval needed.",
      },
    ];
    drafts.push({
      ...requestOf(fraud, "production", users.engineer, createdAt),
      status: "pending",
      decisions,
    });
  }
  const ranker = modelStaging(deployments, "ranker", -1);
  if (ranker) {
    const createdAt = recently(ranker.row.finishedAt!.getTime(), 2 * 60, 5 * 60);
    drafts.push({ ...requestOf(ranker, "production", users.admin, createdAt), status: "pending" });
  }
  const staged = current(deployments, "checkout-service", "staging");
  const live = current(deployments, "checkout-service", "production");
  const rolledBack = new Set(deployments.filter((d) => d.row.isRollback).map((d) => d.row.rollbackOfId));
  const stagedIsBad = deployments.some(
    (d) => rolledBack.has(d.row.id) && d.row.releaseId === staged?.row.releaseId,
  );
  if (staged && !stagedIsBad && (!live || newerRelease(staged.subject, live.subject))) {
    const createdAt = recently(staged.row.finishedAt!.getTime(), 4 * 60, 7 * 60);
    drafts.push({ ...requestOf(staged, "production", users.engineer, createdAt), status: "pending" });
  }
  const developed = current(deployments, "checkout-service", "development");
  if (developed && (!staged || newerRelease(developed.subject, staged.subject))) {
    const createdAt = recently(developed.row.finishedAt!.getTime(), 40, 120);
    drafts.push({ ...requestOf(developed, "staging", users.engineer, createdAt), status: "pending" });
  }
  return drafts;
}

function requestOf(
  deployment: DeploymentPlan,
  environment: EnvironmentSlug,
  requester: DemoUser,
  createdAt: number,
) {
  return { project: deployment.project, environment, subject: deployment.subject, requester, createdAt };
}

function newerRelease(a: Subject, b: Subject): boolean {
  return a.kind === "release" && b.kind === "release" && a.release.createdAt > b.release.createdAt;
}

/** What an environment runs now: its latest successful deployment. */
function current(deployments: DeploymentPlan[], project: ProjectSlug, environment: EnvironmentSlug) {
  return deployments
    .filter((d) => d.project === project && d.environment === environment && d.row.status === "succeeded")
    .at(-1);
}

/** The newest successful staging deployment of a project matching `filter`, if it is not in production. */
function latestStaged(
  deployments: DeploymentPlan[],
  project: ProjectSlug,
  filter: (d: DeploymentPlan) => boolean,
) {
  const shipped = new Set(
    deployments
      .filter((d) => d.project === project && d.environment === "production")
      .map((d) => d.row.releaseId),
  );
  return deployments
    .filter((d) => d.project === project && d.environment === "staging" && d.row.status === "succeeded")
    .filter((d) => !shipped.has(d.row.releaseId) && filter(d))
    .at(-1);
}

/** Staging deployment of a model's version counted from the newest (-1 = newest version). */
function modelStaging(deployments: DeploymentPlan[], modelName: string, fromNewest: number) {
  return deployments.find((d) => {
    if (d.subject.kind !== "model" || d.subject.model.spec.name !== modelName || d.environment !== "staging")
      return false;
    return d.subject.version === d.subject.model.versions.at(fromNewest);
  });
}
