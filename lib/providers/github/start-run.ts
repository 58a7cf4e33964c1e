import { AppError } from "@/lib/api/errors";
import { providerAppError } from "@/lib/providers/shared/provider-error";
import type { StartCall } from "@/lib/providers/shared/start-call";
import { githubActionClient } from "../shared/provider-clients";
import { ownerRepo } from "./sync-client";

type Started = { provider: "github"; externalRef: Record<string, string | number>; url?: string };

function repoOf(repository: string) {
  const parsed = ownerRepo(repository);
  if (!parsed)
    throw new AppError(
      "invalid_request",
      `"${repository}" is not a GitHub repository; write it as owner/repo.`,
    );
  return parsed;
}

/**
 * "Create a workflow dispatch event" asking for the run's id (`return_run_details`). Servers
 * that answer 204 without it (older GitHub Enterprise Server) are asked for the newest
 * workflow_dispatch run of that workflow created since the dispatch; if none shows up yet
 * the run is still started, only without an id.
 */
export async function startGitHubWorkflowDispatch(call: StartCall): Promise<Started> {
  const { owner, repo } = repoOf(call.target.repository);
  const workflow = call.target.workflow;
  if (!workflow)
    throw new AppError("invalid_request", "A workflow_dispatch target needs a workflow file or id.");
  const octokit = githubActionClient(call.baseUrl, call.token);
  const since = new Date(Date.now() - 5_000);
  const base = { workflow, ref: call.target.ref };
  try {
    const response = await octokit.actions.createWorkflowDispatch({
      owner,
      repo,
      workflow_id: workflow,
      ref: call.target.ref,
      inputs: call.inputs,
      return_run_details: true,
    });
    // The plugin's types predate `return_run_details`; GitHub answers 200 with the run's id.
    const details = ((response.status as number) === 200 ? response.data : null) as unknown as {
      workflow_run_id?: number;
      html_url?: string;
    } | null;
    if (details?.workflow_run_id) {
      return {
        provider: "github",
        externalRef: { ...base, runId: details.workflow_run_id },
        url: details.html_url,
      };
    }
    const runs = await octokit.actions.listWorkflowRuns({
      owner,
      repo,
      workflow_id: workflow,
      event: "workflow_dispatch",
      branch: call.target.ref,
      created: `>=${since.toISOString().slice(0, 19)}Z`,
      per_page: 5,
    });
    const newest = runs.data.workflow_runs[0];
    return newest
      ? { provider: "github", externalRef: { ...base, runId: newest.id }, url: newest.html_url }
      : { provider: "github", externalRef: base };
  } catch (error) {
    throw providerAppError(error, "GitHub", call.baseUrl, `start workflow ${workflow} in ${owner}/${repo}`);
  }
}

/**
 * "Create a deployment" for the ref in the provider environment; whatever listens for the
 * `deployment` event (an Actions workflow, an external deployer) does the work and reports
 * deployment statuses, which Tandem's webhook turns into the final state. auto_merge off and
 * no required contexts: Tandem's gate has already decided.
 */
export async function startGitHubDeployment(call: StartCall): Promise<Started> {
  const { owner, repo } = repoOf(call.target.repository);
  const environment = call.target.providerEnvironment;
  if (!environment)
    throw new AppError("invalid_request", "A GitHub deployment target needs the provider environment.");
  const octokit = githubActionClient(call.baseUrl, call.token);
  try {
    const response = await octokit.repos.createDeployment({
      owner,
      repo,
      ref: call.target.ref,
      environment,
      payload: call.inputs,
      auto_merge: false,
      required_contexts: [],
      description: call.inputs.tandem_version ? `Tandem: ${call.inputs.tandem_version}` : "Tandem deployment",
    });
    const deployment = response.data as { id?: number; url?: string; message?: string };
    if (!deployment.id) {
      throw new AppError(
        "upstream",
        `GitHub did not create the deployment: ${deployment.message ?? "no id"}.`,
        {
          provider: "GitHub",
          providerStatus: response.status,
          retryable: false,
        },
      );
    }
    return {
      provider: "github",
      externalRef: { deploymentId: deployment.id, environment, ref: call.target.ref },
      url: `${call.baseUrl.includes("api.github.com") ? "https://github.com" : new URL(call.baseUrl).origin}/${owner}/${repo}/deployments`,
    };
  } catch (error) {
    throw providerAppError(error, "GitHub", call.baseUrl, `create a deployment in ${owner}/${repo}`);
  }
}
