import { providerAppError } from "@/lib/providers/shared/provider-error";
import type { StartCall } from "@/lib/providers/shared/start-call";
import { gitlabActionClient } from "../shared/provider-clients";

/**
 * "Create a new pipeline" on the ref with the inputs as pipeline variables (a deploy job in
 * it reports the GitLab deployment, whose hook gives Tandem the final state).
 */
export async function startGitLabPipeline(call: StartCall) {
  const api = gitlabActionClient(call.baseUrl, call.token);
  const project = call.target.repository;
  try {
    const pipeline = await api.Pipelines.create(project, call.target.ref, {
      variables: Object.entries(call.inputs).map(([key, value]) => ({ key, value })),
    });
    return {
      provider: "gitlab" as const,
      externalRef: { pipelineId: pipeline.id, project, ref: call.target.ref },
      url: typeof pipeline.web_url === "string" ? pipeline.web_url : undefined,
    };
  } catch (error) {
    throw providerAppError(error, "GitLab", call.baseUrl, `start a pipeline in ${project}`);
  }
}
