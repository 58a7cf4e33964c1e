import "server-only";
import { and, desc, eq, isNotNull, lt } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { deployments, models, modelVersions, releases, users } from "@/lib/db/schema";

/** A model version as a gate sees it: what it is and what it measured. */
export type ModelSubject = {
  kind: "model";
  id: string;
  projectId: string;
  modelId: string;
  modelName: string;
  version: number;
  label: string;
  metrics: Record<string, number>;
  primaryMetric: string | null;
  primaryMetricDirection: "higher" | "lower";
  commitSha: string | null;
  artifactUri: string | null;
  createdAt: Date;
};

/** A release (software build) as a gate sees it. */
export type ReleaseSubject = {
  kind: "release";
  id: string;
  projectId: string;
  version: string;
  label: string;
  commitSha: string | null;
  artifactUri: string | null;
  createdAt: Date;
};

export type Subject = ModelSubject | ReleaseSubject;

/** What runs in an environment now, for the same kind of thing as the candidate. */
export type CurrentDeployment = {
  deploymentId: string;
  startedAt: Date;
  deployedBy: string | null;
  subject: Subject;
};

export async function loadModelSubject(db: Executor, modelVersionId: string): Promise<ModelSubject | null> {
  const [row] = await db
    .select({ version: modelVersions, model: models })
    .from(modelVersions)
    .innerJoin(models, eq(models.id, modelVersions.modelId))
    .where(eq(modelVersions.id, modelVersionId));
  if (!row) return null;
  const { version: v, model: m } = row;
  return {
    kind: "model",
    id: v.id,
    projectId: m.projectId,
    modelId: m.id,
    modelName: m.name,
    version: v.version,
    label: `${m.name} v${v.version}`,
    metrics: v.metrics,
    primaryMetric: m.primaryMetric,
    primaryMetricDirection: m.primaryMetricDirection,
    commitSha: v.commitSha,
    artifactUri: v.artifactUri,
    createdAt: v.createdAt,
  };
}

export async function loadReleaseSubject(db: Executor, releaseId: string): Promise<ReleaseSubject | null> {
  const [r] = await db.select().from(releases).where(eq(releases.id, releaseId));
  if (!r) return null;
  const { id, projectId, version, commitSha, artifactUri, createdAt } = r;
  return { kind: "release", id, projectId, version, label: version, commitSha, artifactUri, createdAt };
}

/** The subject of a promotion request (or deployment): its release or its model version. */
export async function loadSubject(
  db: Executor,
  ref: { releaseId: string | null; modelVersionId: string | null },
): Promise<Subject | null> {
  if (ref.modelVersionId) return loadModelSubject(db, ref.modelVersionId);
  if (ref.releaseId) return loadReleaseSubject(db, ref.releaseId);
  return null;
}

/**
 * What runs in the environment now (or ran just before `before`), comparable with the
 * candidate: the latest successful deployment of the same model (an environment can run
 * several models, and comparing a ranker with an embedder would be meaningless), or of any
 * release for a release.
 */
export async function loadCurrentDeployment(
  db: Executor,
  environmentId: string,
  candidate: Subject,
  options: { before?: Date } = {},
): Promise<CurrentDeployment | null> {
  const base = db
    .select({
      id: deployments.id,
      startedAt: deployments.startedAt,
      releaseId: deployments.releaseId,
      modelVersionId: deployments.modelVersionId,
      actor: deployments.actor,
      userName: users.name,
    })
    .from(deployments)
    .leftJoin(users, eq(users.id, deployments.deployedByUserId))
    .$dynamic();
  const succeededHere = and(
    eq(deployments.environmentId, environmentId),
    eq(deployments.status, "succeeded"),
    options.before ? lt(deployments.startedAt, options.before) : undefined,
  );
  const query =
    candidate.kind === "model"
      ? base
          .innerJoin(modelVersions, eq(modelVersions.id, deployments.modelVersionId))
          .where(and(succeededHere, eq(modelVersions.modelId, candidate.modelId)))
      : base.where(and(succeededHere, isNotNull(deployments.releaseId)));
  const [row] = await query.orderBy(desc(deployments.startedAt), desc(deployments.createdAt)).limit(1);
  if (!row) return null;
  const subject = await loadSubject(db, row);
  if (!subject) return null;
  return { deploymentId: row.id, startedAt: row.startedAt, deployedBy: row.userName ?? row.actor, subject };
}
