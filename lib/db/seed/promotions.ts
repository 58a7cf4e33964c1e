import type { EnvironmentSlug } from "./catalog";
import { type DeploymentPlan, type Subject, subjectLabel } from "./deployments";
import type { ApprovalRow, PlanContext, PromotionRequestRow } from "./plan-types";
import type { CatalogPlan } from "./projects";
import { closedRequests, type Draft, EXPIRY, pendingRequests } from "./promotion-stories";
import type { Random } from "./random";
import { MINUTE } from "./time";
import type { DemoUser, DemoUsers } from "./users";

const APPROVE_COMMENTS = [
  "LGTM",
  "Checked the dashboards, good to go.",
  "Metrics look fine against production.",
  "Approved; watch error rate after rollout.",
  "Changelog reviewed, ship it.",
  "",
];

export type PromotionPlan = { requests: PromotionRequestRow[]; approvals: ApprovalRow[] };

/**
 * Promotion requests behind every gated deployment, plus the ones that did not go
 * through (rejected, expired, cancelled) and the ones waiting for approval now.
 */
export function planPromotions(
  ctx: PlanContext,
  catalog: CatalogPlan,
  users: DemoUsers,
  deployments: DeploymentPlan[],
): PromotionPlan {
  const { random, now } = ctx;
  const plan: PromotionPlan = { requests: [], approvals: [] };
  const add = (draft: Draft) => addRequest(random, catalog, plan, draft);
  const approversFor = (requester: DemoUser) =>
    [users.approver, users.approver2, users.admin].filter((u) => u !== requester);

  for (const deployment of deployments.filter((d) => d.gated && d.requestedBy)) {
    const requester = deployment.requestedBy!;
    const required =
      catalog.projects[deployment.project].spec.gates[gateOf(deployment.environment)]?.requiredApprovals ?? 1;
    const deployAt = deployment.row.createdAt!.getTime();
    const createdAt = deployAt - random.int(40, 20 * 60) * MINUTE;
    const approvers = shuffle(random, approversFor(requester)).slice(0, required);
    const times = approvers
      .map(() => random.int(createdAt + 10 * MINUTE, deployAt - MINUTE))
      .sort((a, b) => a - b);
    const decisions = approvers.map((user, i) => ({
      user,
      decision: "approve" as const,
      at: times[i]!,
      comment: random.pick(APPROVE_COMMENTS),
    }));
    add({
      project: deployment.project,
      environment: deployment.environment,
      subject: deployment.subject,
      requester,
      createdAt,
      status: deployment.row.status === "succeeded" ? "deployed" : "failed",
      decidedAt: times.at(-1),
      updatedAt: deployment.row.finishedAt?.getTime(),
      deployment,
      decisions,
    });
  }
  for (const draft of [
    ...closedRequests(random, now, users, deployments),
    ...pendingRequests(random, now, users, deployments),
  ]) {
    add(draft);
  }
  plan.requests.sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime());
  return plan;
}

function gateOf(environment: EnvironmentSlug): "staging" | "production" {
  return environment === "staging" ? "staging" : "production";
}

function addRequest(random: Random, catalog: CatalogPlan, plan: PromotionPlan, draft: Draft): void {
  const id = random.uuid();
  const project = catalog.projects[draft.project];
  plan.requests.push({
    id,
    projectId: project.row.id,
    environmentId: project.environments[draft.environment].id,
    releaseId: draft.subject.kind === "release" ? draft.subject.release.row.id : null,
    modelVersionId: draft.subject.kind === "model" ? draft.subject.version.row.id : null,
    requestedByUserId: draft.requester.id,
    reason: reasonFor(draft.subject, draft.environment),
    status: draft.status,
    deploymentId: draft.deployment?.row.id ?? null,
    expiresAt: new Date(draft.createdAt + EXPIRY),
    decidedAt: draft.decidedAt === undefined ? null : new Date(draft.decidedAt),
    createdAt: new Date(draft.createdAt),
    updatedAt: new Date(draft.updatedAt ?? draft.decidedAt ?? draft.createdAt),
  });
  if (draft.deployment) draft.deployment.row.promotionRequestId = id;
  for (const decision of draft.decisions ?? []) {
    plan.approvals.push({
      id: random.uuid(),
      requestId: id,
      userId: decision.user.id,
      decision: decision.decision,
      comment: decision.comment,
      createdAt: new Date(decision.at),
    });
  }
}

function reasonFor(subject: Subject, environment: EnvironmentSlug): string {
  if (subject.kind === "release")
    return `Promote ${subject.release.row.version} to ${environment}: ${subject.release.title}`;
  const { model, version } = subject;
  const metric = model.spec.primaryMetric;
  const data = version.row.tags?.dataset_date;
  return `${subjectLabel(subject)} retrained on data up to ${data}; ${metric} ${version.row.metrics?.[metric]} offline.`;
}

function shuffle<T>(random: Random, items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
