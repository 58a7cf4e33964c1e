import "server-only";
import { AppError } from "@/lib/api/errors";
import { loadConnectionRow } from "@/lib/connections/load-connection";
import { open } from "@/lib/crypto/secret-box";
import type { Executor } from "@/lib/db/client";
import { startAzurePipelineRun } from "./azure-devops/start-pipeline-run";
import { startGitHubDeployment, startGitHubWorkflowDispatch } from "./github/start-run";
import { startGitLabPipeline } from "./gitlab/start-pipeline";

/** Where a run starts; DeployTarget and RetrainAction are both of this shape. */
export type StartRunTarget = {
  connectionId: string;
  kind: "github_workflow_dispatch" | "github_deployment" | "gitlab_pipeline" | "azure_pipeline_run";
  repository: string;
  workflow?: string;
  ref: string;
  inputs?: Record<string, string>;
  providerEnvironment?: string;
};

/** What the provider started: its ids (run, deployment, pipeline) and a link back. */
export type StartedRun = {
  provider: "github" | "gitlab" | "azure_devops";
  externalRef: Record<string, string | number>;
  url?: string;
};

const CONNECTION_KIND: Record<StartRunTarget["kind"], string> = {
  github_workflow_dispatch: "github",
  github_deployment: "github",
  gitlab_pipeline: "gitlab",
  azure_pipeline_run: "azure_devops",
};

/** The connection's base URL and opened token, refusing a connection of the wrong kind. */
export async function loadProviderCredentials(db: Executor, connectionId: string, kind: string) {
  const row = await loadConnectionRow(db, connectionId);
  if (row.kind !== kind) {
    throw new AppError(
      "invalid_request",
      `Connection "${row.name}" is a ${row.kind} connection, not ${kind}.`,
    );
  }
  if (!row.credentialsEncrypted) {
    throw new AppError("invalid_request", `Connection "${row.name}" has no token; add one to start runs.`);
  }
  return { row, baseUrl: row.baseUrl, token: open(row.credentialsEncrypted) };
}

/**
 * Starts a run at the provider through its official client with the connection's stored
 * token: a GitHub workflow_dispatch or deployment, a GitLab pipeline, an Azure DevOps
 * pipeline run. `extraInputs` (e.g. Tandem's version and request id) are added to the
 * target's own inputs. Provider failures throw AppError with the provider's words;
 * `details.retryable` tells an outage from a refusal.
 */
export async function startProviderRun(
  db: Executor,
  target: StartRunTarget,
  extraInputs: Record<string, string>,
): Promise<StartedRun> {
  const { baseUrl, token } = await loadProviderCredentials(
    db,
    target.connectionId,
    CONNECTION_KIND[target.kind],
  );
  const inputs = { ...(target.inputs ?? {}), ...extraInputs };
  const call = { baseUrl, token, target, inputs };
  switch (target.kind) {
    case "github_workflow_dispatch":
      return startGitHubWorkflowDispatch(call);
    case "github_deployment":
      return startGitHubDeployment(call);
    case "gitlab_pipeline":
      return startGitLabPipeline(call);
    case "azure_pipeline_run":
      return startAzurePipelineRun(call);
  }
}

/** The id Tandem stores as deployments.external_id for a started run (what webhooks carry). */
export function externalIdOf(started: StartedRun): string | null {
  const ref = started.externalRef;
  const id = ref.deploymentId ?? ref.runId ?? ref.pipelineId;
  return id === undefined ? null : String(id);
}
