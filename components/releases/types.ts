import type { DeploymentStatus } from "@/components/deployments/deployment-status-badge";
import type { PromotionStatus } from "@/components/gates/promotion-status-badge";
import type { RunStatus } from "@/components/runs/run-status-badge";
import type { CommitsBetweenDto } from "@/lib/queries/release-commits";

/**
 * A release as its page receives it (getRelease in lib/releases, serialized): written out
 * here because components never import server logic, and checked against the verb's result
 * where the page passes it.
 */
export type ReleaseDetailDto = {
  id: string;
  projectId: string;
  projectSlug: string;
  projectName: string;
  version: string;
  commitSha: string | null;
  artifactUri: string | null;
  createdBy: string | null;
  createdAt: string;
  buildRun: {
    id: string;
    pipelineName: string;
    runNumber: number | null;
    status: RunStatus;
    branch: string | null;
    commitSha: string | null;
    title: string | null;
    url: string | null;
    queuedAt: string;
  } | null;
  modelVersions: {
    id: string;
    modelId: string;
    modelName: string;
    version: number;
    status: string;
    primaryMetric: string | null;
    primaryMetricDirection: "higher" | "lower";
    primaryMetricValue: number | null;
  }[];
  environments: ReleaseEnvironmentDto[];
  promotionRequests: {
    id: string;
    environmentId: string;
    environmentName: string;
    status: PromotionStatus;
    reason: string;
    emergency: boolean;
    isRollback: boolean;
    requestedBy: string;
    createdAt: string;
    expiresAt: string;
  }[];
  production: {
    environmentId: string;
    name: string;
    releaseId: string | null;
    version: string | null;
    /** Production runs a release created after this one. */
    isNewer: boolean;
  } | null;
  commitsSinceProduction: CommitsBetweenDto | null;
};

export type ReleaseEnvironmentDto = {
  id: string;
  slug: string;
  name: string;
  position: number;
  isProduction: boolean;
  runsHere: boolean;
  current: { releaseId: string; version: string; deployedAt: string } | null;
  deployments: {
    id: string;
    status: DeploymentStatus;
    isRollback: boolean;
    actor: string | null;
    url: string | null;
    promotionRequestId: string | null;
    startedAt: string;
    finishedAt: string | null;
  }[];
};
