import { AppError } from "@/lib/api/errors";
import { providerAppError } from "@/lib/providers/shared/provider-error";
import type { StartCall } from "@/lib/providers/shared/start-call";
import { azureActionClient } from "../shared/provider-clients";

/**
 * "Runs - Run Pipeline" for the pipeline id on the ref (`refs/heads/...` when given a bare
 * branch), passing the inputs as run variables; the pipeline must let those variables be
 * set at queue time, which Azure enforces with a 400 naming the variable.
 */
export async function startAzurePipelineRun(call: StartCall) {
  const project = call.target.repository;
  const pipelineId = Number(call.target.workflow);
  if (!Number.isInteger(pipelineId) || pipelineId <= 0) {
    throw new AppError(
      "invalid_request",
      "An Azure DevOps pipeline target needs the pipeline id as its workflow.",
    );
  }
  const ref = call.target.ref.startsWith("refs/") ? call.target.ref : `refs/heads/${call.target.ref}`;
  try {
    const pipelines = await azureActionClient(call.baseUrl, call.token).getPipelinesApi();
    const run = await pipelines.runPipeline(
      {
        resources: { repositories: { self: { refName: ref } } },
        variables: Object.fromEntries(
          Object.entries(call.inputs).map(([k, value]) => [k, { value, isSecret: false }]),
        ),
      },
      project,
      pipelineId,
    );
    if (!run?.id) throw new AppError("upstream", "Azure DevOps did not start the run.", { retryable: true });
    const web = (run._links as { web?: { href?: string } } | undefined)?.web?.href;
    return {
      provider: "azure_devops" as const,
      externalRef: { runId: run.id, pipelineId, project },
      url: web ?? run.url,
    };
  } catch (error) {
    throw providerAppError(error, "Azure DevOps", call.baseUrl, `run pipeline ${pipelineId} in ${project}`);
  }
}
