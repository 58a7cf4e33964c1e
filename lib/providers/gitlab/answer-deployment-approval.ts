import { providerAppError } from "@/lib/providers/shared/provider-error";
import type { GateAnswer } from "../shared/answer-gate-call";
import { gitlabActionClient } from "../shared/provider-clients";

/**
 * "Approve or reject a blocked deployment" (POST /projects/:id/deployments/:deployment_id/approval)
 * with a comment. The token's user must be allowed to approve deployments to the protected
 * environment, and counts as one of its required approvals.
 */
export async function answerGitLabDeploymentApproval(
  input: { baseUrl: string; token: string; projectId: string | number; deploymentId: number },
  answer: GateAnswer,
): Promise<void> {
  const api = gitlabActionClient(input.baseUrl, input.token);
  try {
    await api.Deployments.setApproval(
      input.projectId,
      input.deploymentId,
      answer.approved ? "approved" : "rejected",
      {
        comment: answer.comment.slice(0, 1000),
      },
    );
  } catch (error) {
    throw providerAppError(error, "GitLab", input.baseUrl, "answer the deployment approval");
  }
}
