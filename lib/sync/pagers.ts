import "server-only";
import type { CiConnectionKind } from "@/lib/connections/kinds";
import { azureBuildsPager } from "@/lib/providers/azure-devops/sync-builds";
import { githubDeploymentsPager } from "@/lib/providers/github/sync-deployments";
import { githubRunsPager } from "@/lib/providers/github/sync-runs";
import { gitlabDeploymentsPager } from "@/lib/providers/gitlab/sync-deployments";
import { gitlabPipelinesPager } from "@/lib/providers/gitlab/sync-pipelines";
import type { PagerInput, ScopePager } from "@/lib/providers/shared/sync-types";

/** Every scope a repository of each kind of connection syncs, in order. */
export const PAGERS: Record<CiConnectionKind, ((input: PagerInput) => ScopePager)[]> = {
  github: [githubRunsPager, githubDeploymentsPager],
  gitlab: [gitlabPipelinesPager, gitlabDeploymentsPager],
  azure_devops: [azureBuildsPager],
};
