import { AppError } from "@/lib/api/errors";
import { providerAppError } from "@/lib/providers/shared/provider-error";
import type { GateAnswer } from "../shared/answer-gate-call";
import { ACTION_TIMEOUT_MS } from "../shared/provider-clients";

/** What Azure DevOps sent with an "Invoke REST API" check in callback mode (its system headers). */
export type AzureCheckContext = {
  planUrl: string;
  projectId: string;
  hubName: string;
  planId: string;
  jobId: string;
  taskInstanceId: string;
  authToken: string;
};

/**
 * Completes an asynchronous "Invoke REST API" check: posts the TaskCompleted event to
 * `{PlanUrl}{ProjectId}/_apis/distributedtask/hubs/{HubName}/plans/{PlanId}/events`
 * with the job id, the task instance id and succeeded/failed, authorised with the job's own
 * AuthToken (as Azure documents; the connection's token is not used). azure-devops-node-api
 * has no typed call for this event, so it is a plain fetch.
 */
export async function answerAzureCheck(ctx: AzureCheckContext, answer: GateAnswer): Promise<void> {
  const base = ctx.planUrl.endsWith("/") ? ctx.planUrl : `${ctx.planUrl}/`;
  const url = `${base}${ctx.projectId}/_apis/distributedtask/hubs/${encodeURIComponent(ctx.hubName)}/plans/${ctx.planId}/events?api-version=2.0-preview.1`;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ctx.authToken}` },
      body: JSON.stringify({
        name: "TaskCompleted",
        taskId: ctx.taskInstanceId,
        jobId: ctx.jobId,
        result: answer.approved ? "succeeded" : "failed",
      }),
      signal: AbortSignal.timeout(ACTION_TIMEOUT_MS),
    });
    if (!response.ok) {
      const text = (await response.text()).slice(0, 300);
      throw Object.assign(new Error(text || response.statusText), { statusCode: response.status });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw providerAppError(error, "Azure DevOps", base, "complete the Invoke REST API check");
  }
}
