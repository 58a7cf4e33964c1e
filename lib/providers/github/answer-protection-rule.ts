import { providerAppError } from "@/lib/providers/shared/provider-error";
import type { GateAnswer } from "../shared/answer-gate-call";
import { githubActionClient } from "../shared/provider-clients";

/**
 * "Review custom deployment protection rules for a workflow run": POST to the
 * deployment_callback_url GitHub sent with the `deployment_protection_rule` event, with the
 * environment name, approved or rejected, and a comment. GitHub accepts it only from the
 * GitHub App that owns the rule, so the connection's token must be that App's installation token.
 */
export async function answerGitHubProtectionRule(
  input: { baseUrl: string; token: string; callbackUrl: string; environmentName: string },
  answer: GateAnswer,
): Promise<void> {
  const octokit = githubActionClient(input.baseUrl, input.token);
  try {
    await octokit.request(`POST ${input.callbackUrl}`, {
      environment_name: input.environmentName,
      state: answer.approved ? "approved" : "rejected",
      comment: answer.comment.slice(0, 1000),
    });
  } catch (error) {
    throw providerAppError(error, "GitHub", input.baseUrl, "answer the deployment protection rule");
  }
}
