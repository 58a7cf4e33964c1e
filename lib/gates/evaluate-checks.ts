import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { alertRules, alerts, pipelineRuns, pipelines } from "@/lib/db/schema";
import {
  type CheckResult,
  ciCheck,
  expiryCheck,
  firingAlertsCheck,
  metricThresholdCheck,
  waitTimerCheck,
} from "./check-rules";
import { deployWindowCheck } from "./deploy-window";
import type { LoadedPromotion } from "./load-promotion";
import type { CurrentDeployment, Subject } from "./load-subjects";

/**
 * The automatic checks of a request's gate policy, computed from the database now. Which
 * checks apply: expiry always; metric thresholds only for model versions (against the same
 * model's version in the environment); CI only for releases (model versions are trained,
 * not built); alerts, wait timer and deploy window when the policy asks. An environment
 * without a policy has no automatic checks besides expiry.
 */
export async function evaluateChecks(
  db: Executor,
  loaded: Pick<LoadedPromotion, "request" | "environment" | "policy">,
  candidate: Subject | null,
  current: CurrentDeployment | null,
  now: Date,
): Promise<CheckResult[]> {
  const { request, environment, policy } = loaded;
  const checks: CheckResult[] = [expiryCheck(request.expiresAt, now)];
  if (!candidate) {
    checks.push({
      key: "subject",
      kind: "subject",
      label: "Something to deploy",
      status: "failed",
      detail: "The release or model version of this request no longer exists.",
    });
    return checks;
  }
  if (!policy) return checks;

  if (candidate.kind === "model") {
    const against =
      current?.subject.kind === "model"
        ? { label: current.subject.label, metrics: current.subject.metrics }
        : null;
    for (const rule of policy.checks.metricThresholds) {
      checks.push(metricThresholdCheck(rule, candidate.metrics, against, environment.name));
    }
  }
  if (policy.checks.noFiringAlerts) {
    const firing = await db
      .select({ name: alertRules.name, severity: alertRules.severity })
      .from(alerts)
      .innerJoin(alertRules, eq(alertRules.id, alerts.ruleId))
      .where(and(eq(alerts.environmentId, environment.id), eq(alerts.state, "firing")))
      .orderBy(desc(alerts.startedAt))
      .limit(20);
    checks.push(firingAlertsCheck(firing, environment.name));
  }
  if (policy.checks.requireSuccessfulCi && candidate.kind === "release") {
    const runs = candidate.commitSha
      ? await db
          .select({
            status: pipelineRuns.status,
            runNumber: pipelineRuns.runNumber,
            pipelineName: pipelines.name,
          })
          .from(pipelineRuns)
          .innerJoin(pipelines, eq(pipelines.id, pipelineRuns.pipelineId))
          .where(
            and(
              eq(pipelineRuns.projectId, request.projectId),
              eq(pipelineRuns.commitSha, candidate.commitSha),
              eq(pipelines.kind, "ci"),
            ),
          )
          .orderBy(desc(pipelineRuns.queuedAt))
          .limit(20)
      : [];
    checks.push(ciCheck(candidate.commitSha, runs));
  }
  const wait = waitTimerCheck(request.createdAt, policy.waitMinutes, now);
  if (wait) checks.push(wait);
  const window = deployWindowCheck(policy.deployWindow, now);
  if (window) checks.push(window);
  return checks;
}
