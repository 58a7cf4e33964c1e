import "server-only";
import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { deployments, type GateChecks, projects, users } from "@/lib/db/schema";
import type { DeploymentStatus } from "@/lib/db/schema/enums";
import { assessPromotion } from "./assess-promotion";
import type { CheckResult } from "./check-rules";
import type { DeployWindow } from "./deploy-window";
import { DEFAULT_POLICY, type PromotionEvaluation } from "./eligibility";
import { listPromotionTimeline, type TimelineItem } from "./list-promotion-timeline";
import { listRemainingApprovers, type PossibleApprover } from "./list-remaining-approvers";
import { type CiRunSummary, loadCiRun } from "./load-ci-run";
import { type ApprovalRow, loadPromotion, type PromotionRow } from "./load-promotion";
import type { CurrentDeployment, Subject } from "./load-subjects";

/** The policy that applies, with the defaults filled in when the environment has none. */
export type EffectivePolicy = {
  isDefault: boolean;
  requiredApprovals: number;
  approverRoles: string[];
  approverNames: string[];
  allowSelfApproval: boolean;
  rejectionEndsRequest: boolean;
  checks: GateChecks;
  waitMinutes: number;
  deployWindow: DeployWindow | null;
  expiryHours: number;
};

export type PromotionDetail = {
  request: PromotionRow;
  project: { id: string; slug: string; name: string };
  environment: { id: string; slug: string; name: string; isProduction: boolean };
  requestedBy: { id: string; name: string; email: string };
  /** The evidence is as of this moment: now while pending, the decision once decided. */
  evidenceAsOf: Date;
  candidate: (Subject & { ciRun: CiRunSummary | null }) | null;
  current: (CurrentDeployment & { ciRun: CiRunSummary | null }) | null;
  policy: EffectivePolicy;
  approvals: ApprovalRow[];
  remainingApprovers: PossibleApprover[];
  checks: CheckResult[];
  /** Eligibility for the actor reading the page. */
  evaluation: PromotionEvaluation;
  deployment: { id: string; status: DeploymentStatus; startedAt: Date } | null;
  timeline: TimelineItem[];
};

const input = z.object({ id: z.string().min(1).max(100) });

const NO_CHECKS: GateChecks = { metricThresholds: [], noFiringAlerts: false, requireSuccessfulCi: false };

/** Everything the request page shows, with eligibility worked out for the reader. */
export async function getPromotionRequest(
  ctx: ServiceContext,
  raw: { id: string },
): Promise<PromotionDetail> {
  assertCan(ctx.actor, "promotions:read");
  const { id } = parseInput(input, raw);
  const now = nowOf(ctx);
  const loaded = await loadPromotion(ctx.db, ctx.actor, id, { lock: false });
  const { request, environment, policy } = loaded;
  const [assessment, remainingApprovers, timeline, [project], [requester], named, [deployment]] =
    await Promise.all([
      assessPromotion(ctx.db, ctx.actor, loaded, now),
      listRemainingApprovers(ctx.db, loaded),
      listPromotionTimeline(ctx.db, request),
      ctx.db
        .select({ id: projects.id, slug: projects.slug, name: projects.name })
        .from(projects)
        .where(eq(projects.id, request.projectId)),
      ctx.db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(eq(users.id, request.requestedByUserId)),
      policy && policy.approverUserIds.length > 0
        ? ctx.db.select({ name: users.name }).from(users).where(inArray(users.id, policy.approverUserIds))
        : Promise.resolve([]),
      request.deploymentId
        ? ctx.db
            .select({ id: deployments.id, status: deployments.status, startedAt: deployments.startedAt })
            .from(deployments)
            .where(eq(deployments.id, request.deploymentId))
        : Promise.resolve([]),
    ]);
  const { candidate, current } = assessment;
  const ciFor = (subject: Subject | undefined) =>
    subject?.kind === "release"
      ? loadCiRun(ctx.db, request.projectId, subject.commitSha)
      : Promise.resolve(null);
  const [candidateCi, currentCi] = await Promise.all([
    ciFor(candidate ?? undefined),
    ciFor(current?.subject),
  ]);
  const base = policy ?? {
    ...DEFAULT_POLICY,
    checks: NO_CHECKS,
    waitMinutes: 0,
    deployWindow: null,
    expiryHours: 72,
  };
  return {
    request,
    project: project!,
    environment: {
      id: environment.id,
      slug: environment.slug,
      name: environment.name,
      isProduction: environment.isProduction,
    },
    requestedBy: requester!,
    evidenceAsOf: assessment.asOf,
    candidate: candidate ? { ...candidate, ciRun: candidateCi } : null,
    current: current ? { ...current, ciRun: currentCi } : null,
    policy: {
      isDefault: !policy,
      requiredApprovals: Math.max(1, base.requiredApprovals),
      approverRoles: [...base.approverRoles],
      approverNames: named.map((u) => u.name),
      allowSelfApproval: base.allowSelfApproval,
      rejectionEndsRequest: base.rejectionEndsRequest,
      checks: base.checks,
      waitMinutes: base.waitMinutes,
      deployWindow: base.deployWindow,
      expiryHours: base.expiryHours,
    },
    approvals: loaded.approvals,
    remainingApprovers,
    checks: assessment.checks,
    evaluation: assessment.evaluation,
    deployment: deployment ?? null,
    timeline,
  };
}
