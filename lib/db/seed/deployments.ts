import type { DeploymentStatus } from "@/lib/db/schema/enums";
import type { EnvironmentSlug, ProjectSlug } from "./catalog";
import { buildRun } from "./jobs";
import type { ModelPlan, VersionPlan } from "./models";
import type { PipelineSpec } from "./pipeline-specs";
import type { DeploymentRow, PlannedRun } from "./plan-types";
import type { ProjectPlan } from "./projects";
import { triggerName } from "./providers";
import type { Random } from "./random";
import type { ReleasePlan } from "./releases";
import { SECOND } from "./time";
import type { DemoUser } from "./users";

/** What a deployment ships: a release of the service or a version of a model. */
export type Subject =
  | { kind: "release"; release: ReleasePlan }
  | { kind: "model"; model: ModelPlan; version: VersionPlan };

/** A deployment plus the story around it that promotions, monitoring and audit build on. */
export type DeploymentPlan = {
  row: DeploymentRow;
  project: ProjectSlug;
  environment: EnvironmentSlug;
  subject: Subject;
  run: PlannedRun | null;
  /** Went through a promotion request (gated environments); set for the promotions planner. */
  gated: boolean;
  /** The person who asked for it (gated) or pressed the button (rollbacks). */
  requestedBy: DemoUser | null;
};

export type DeployRequest = {
  project: ProjectPlan;
  environment: EnvironmentSlug;
  subject: Subject;
  at: number;
  status: DeploymentStatus;
  /** Deploy pipeline that carries it out, or null when Tandem deploys directly. */
  pipeline: { spec: PipelineSpec; id: string } | null;
  /** A person behind it; null for automatic deploys to development. */
  requestedBy: DemoUser | null;
  gated: boolean;
  /** Provider actor for automatic deploys (the author of the change). */
  autoActor?: string;
  rollbackOf?: DeploymentPlan;
};

export function subjectLabel(subject: Subject): string {
  return subject.kind === "release"
    ? subject.release.row.version
    : `${subject.model.spec.name} v${subject.version.row.version}`;
}

/** Tandem's own identity when it starts a provider's deploy pipeline after an approval. */
const TANDEM_ACTOR = { github: "tandem-app[bot]", gitlab: "tandem-bot", azure_devops: "Tandem" } as const;

/** Creates a deployment and, when a deploy pipeline carries it out, the matching run. */
export function deploy(random: Random, request: DeployRequest, now: number): DeploymentPlan {
  const { pipeline, subject, environment } = request;
  const label = subjectLabel(subject);
  const run = pipeline ? deployRun(random, request, pipeline, label, now) : null;
  const startedAt = run?.row.startedAt?.getTime() ?? request.at + random.int(3, 20) * SECOND;
  const finishedAt =
    request.status === "in_progress" || request.status === "queued"
      ? null
      : (run?.row.finishedAt?.getTime() ?? startedAt + random.int(90, 300) * SECOND);
  const rollback = request.rollbackOf;
  const row: DeploymentRow = {
    id: random.uuid(),
    projectId: request.project.row.id,
    environmentId: request.project.environments[environment].id,
    releaseId: subject.kind === "release" ? subject.release.row.id : null,
    modelVersionId: subject.kind === "model" ? subject.version.row.id : null,
    runId: run?.row.id ?? null,
    status: request.status,
    isRollback: Boolean(rollback),
    rollbackOfId: rollback?.row.id ?? null,
    deployedByUserId: request.requestedBy?.id ?? null,
    actor: request.requestedBy?.email ?? request.autoActor ?? null,
    description: rollback
      ? `Rollback of ${subjectLabel(rollback.subject)}: ${label} restored after elevated error rate`
      : description(subject),
    startedAt: new Date(startedAt),
    finishedAt: finishedAt === null ? null : new Date(finishedAt),
    createdAt: new Date(request.at),
  };
  return {
    row,
    project: request.project.spec.slug,
    environment,
    subject,
    run,
    gated: request.gated,
    requestedBy: request.requestedBy,
  };
}

function description(subject: Subject): string {
  if (subject.kind === "release") return `${subject.release.row.version}: ${subject.release.title}`;
  const { model, version } = subject;
  const metric = model.spec.primaryMetric;
  return `${model.spec.name} v${version.row.version} (${metric} ${version.row.metrics?.[metric] ?? "n/a"})`;
}

function deployRun(
  random: Random,
  request: DeployRequest,
  pipeline: { spec: PipelineSpec; id: string },
  label: string,
  now: number,
): PlannedRun {
  const { spec } = pipeline;
  const automatic = request.requestedBy === null && !request.rollbackOf;
  const runStatus =
    request.status === "in_progress" ? "running" : request.status === "succeeded" ? "succeeded" : "failed";
  const commitSha =
    request.subject.kind === "release"
      ? request.subject.release.row.commitSha!
      : request.subject.version.row.commitSha!;
  return buildRun(
    random,
    {
      spec,
      pipelineId: pipeline.id,
      projectId: request.project.row.id,
      queuedAt: request.at,
      status: runStatus,
      onMain: true,
      commitSha,
      branch: "main",
      actor: automatic ? (request.autoActor ?? TANDEM_ACTOR[spec.provider]) : TANDEM_ACTOR[spec.provider],
      trigger: deployTrigger(spec, request.subject, automatic),
      title: `Deploy ${label} to ${request.environment}`,
      // Deploys break in the rollout itself or in the smoke test after it, about evenly.
      failingJob: random.chance(0.5) ? spec.stages.at(-1)?.jobs[0] : undefined,
    },
    now,
  );
}

/**
 * Automatic deploys follow a push (or, on Azure DevOps, a new model artifact through a
 * resource trigger); everything else is started by Tandem after a decision.
 */
function deployTrigger(spec: PipelineSpec, subject: Subject, automatic: boolean): string {
  if (!automatic) return triggerName(spec.provider, "manual");
  if (subject.kind === "model" && spec.provider === "azure_devops") return "resourceTrigger";
  return triggerName(spec.provider, "push");
}

/**
 * Points deployments at their provider records once runs have ids: GitHub keeps a
 * deployment object of its own, Azure DevOps and GitLab are linked through the run.
 */
export function linkDeploymentsToProviders(random: Random, deployments: DeploymentPlan[]): void {
  let githubDeploymentId = 1_912_000_000;
  const byTime = [...deployments].sort((a, b) => a.row.startedAt!.getTime() - b.row.startedAt!.getTime());
  for (const deployment of byTime) {
    if (!deployment.run) continue;
    deployment.row.url = deployment.run.row.url;
    if (deployment.run.spec.provider === "github") {
      githubDeploymentId += random.int(2_000, 90_000);
      deployment.row.externalId = String(githubDeploymentId);
    } else deployment.row.externalId = deployment.run.row.externalId;
  }
}
