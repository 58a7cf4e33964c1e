import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import {
  type DatasetRef,
  deployments,
  environments,
  modelAliases,
  modelMetricLines,
  models,
  modelVersions,
  pipelineRuns,
  pipelines,
  projects,
} from "@/lib/db/schema";
import type { DeploymentStatus, PipelineKind, Provider, RunStatus } from "@/lib/db/schema/enums";
import { deployedWhere } from "./deployed-where";

/** Deployments of one version listed on its page; older ones stay in the deployments list. */
export const VERSION_DEPLOYMENTS_SHOWN = 50;

export type SourceRunLineage = {
  id: string;
  provider: Provider;
  externalId: string;
  runNumber: number | null;
  status: RunStatus;
  url: string | null;
  commitSha: string | null;
  branch: string | null;
  queuedAt: Date;
  pipeline: { id: string; externalId: string; name: string; kind: PipelineKind; url: string | null };
};

export type VersionDeployment = {
  id: string;
  environmentId: string;
  environmentSlug: string;
  environmentName: string;
  isProduction: boolean;
  status: DeploymentStatus;
  isRollback: boolean;
  actor: string | null;
  url: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  /** This version is what runs in the environment now. */
  current: boolean;
};

export type HistorySummary = { key: string; points: number; firstStep: number; lastStep: number };

export type ModelVersionDetail = {
  id: string;
  modelId: string;
  modelName: string;
  projectId: string;
  projectSlug: string;
  version: number;
  status: (typeof modelVersions.$inferSelect)["status"];
  artifactUri: string | null;
  framework: string | null;
  params: Record<string, string>;
  tags: Record<string, string>;
  metrics: Record<string, number>;
  datasets: DatasetRef[];
  commitSha: string | null;
  createdBy: string | null;
  clientKey: string | null;
  createdAt: Date;
  /** Alias names this version holds, sorted. */
  aliases: string[];
  /** Commit → training run → this version. */
  lineage: { commitSha: string | null; sourceRun: SourceRunLineage | null };
  deployments: VersionDeployment[];
  /** Which metrics have a per-step history, and how long it is. */
  history: HistorySummary[];
};

/**
 * One version with everything its page and the API show, or null. No permission check:
 * verbs check (the project id is in the answer) and may pass an open transaction.
 */
export async function loadVersionDetail(db: Executor, versionId: string): Promise<ModelVersionDetail | null> {
  const [row] = await db
    .select({
      version: modelVersions,
      modelName: models.name,
      projectId: models.projectId,
      projectSlug: projects.slug,
    })
    .from(modelVersions)
    .innerJoin(models, eq(models.id, modelVersions.modelId))
    .innerJoin(projects, eq(projects.id, models.projectId))
    .where(eq(modelVersions.id, versionId))
    .limit(1);
  if (!row) return null;
  const v = row.version;
  const [aliases, sourceRun, deploymentRows, current, history] = await Promise.all([
    db
      .select({ alias: modelAliases.alias })
      .from(modelAliases)
      .where(eq(modelAliases.versionId, v.id))
      .orderBy(asc(modelAliases.alias)),
    v.sourceRunId ? loadSourceRun(db, v.sourceRunId) : Promise.resolve(null),
    db
      .select({
        id: deployments.id,
        environmentId: environments.id,
        environmentSlug: environments.slug,
        environmentName: environments.name,
        isProduction: environments.isProduction,
        status: deployments.status,
        isRollback: deployments.isRollback,
        actor: deployments.actor,
        url: deployments.url,
        startedAt: deployments.startedAt,
        finishedAt: deployments.finishedAt,
      })
      .from(deployments)
      .innerJoin(environments, eq(environments.id, deployments.environmentId))
      .where(eq(deployments.modelVersionId, v.id))
      .orderBy(desc(deployments.startedAt), desc(deployments.id))
      .limit(VERSION_DEPLOYMENTS_SHOWN),
    deployedWhere(db, v.modelId),
    // The per-line summary the history triggers keep: no count over every stored step.
    db
      .select({
        key: modelMetricLines.key,
        points: modelMetricLines.total,
        firstStep: modelMetricLines.firstStep,
        lastStep: modelMetricLines.lastStep,
      })
      .from(modelMetricLines)
      .where(eq(modelMetricLines.versionId, v.id))
      .orderBy(asc(modelMetricLines.key)),
  ]);
  const currentDeployments = new Set((current.get(v.id) ?? []).map((d) => d.deploymentId));
  const { sourceRunId: _sourceRunId, ...version } = v;
  return {
    ...version,
    modelName: row.modelName,
    projectId: row.projectId,
    projectSlug: row.projectSlug,
    aliases: aliases.map((a) => a.alias),
    lineage: { commitSha: v.commitSha ?? sourceRun?.commitSha ?? null, sourceRun },
    deployments: deploymentRows.map((d) => ({ ...d, current: currentDeployments.has(d.id) })),
    history: history.map((h) => ({
      key: h.key,
      points: Number(h.points),
      firstStep: Number(h.firstStep),
      lastStep: Number(h.lastStep),
    })),
  };
}

async function loadSourceRun(db: Executor, runId: string): Promise<SourceRunLineage | null> {
  const [run] = await db
    .select({
      id: pipelineRuns.id,
      provider: pipelineRuns.provider,
      externalId: pipelineRuns.externalId,
      runNumber: pipelineRuns.runNumber,
      status: pipelineRuns.status,
      url: pipelineRuns.url,
      commitSha: pipelineRuns.commitSha,
      branch: pipelineRuns.branch,
      queuedAt: pipelineRuns.queuedAt,
      pipeline: {
        id: pipelines.id,
        externalId: pipelines.externalId,
        name: pipelines.name,
        kind: pipelines.kind,
        url: pipelines.url,
      },
    })
    .from(pipelineRuns)
    .innerJoin(pipelines, eq(pipelines.id, pipelineRuns.pipelineId))
    .where(eq(pipelineRuns.id, runId))
    .limit(1);
  return run ?? null;
}
