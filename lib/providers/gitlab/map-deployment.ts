import { z } from "zod";
import { hexSha, parsePayload, text, webUrl, zId, zTime } from "@/lib/providers/shared/payload";
import type { WebhookEffect } from "@/lib/providers/shared/types";
import { gitlabDeploymentStatus } from "./map-status";
import { gitlabProjectSchema, gitlabRepositories } from "./project";

const schema = z.object({
  status: z.string(),
  status_changed_at: zTime,
  deployment_id: zId,
  deployable_id: zId.nullish(),
  deployable_url: z.string().nullish(),
  environment: z.string().min(1),
  environment_slug: z.string().nullish(),
  environment_external_url: z.string().nullish(),
  project: gitlabProjectSchema,
  short_sha: z.string().min(1),
  user: z.object({ username: z.string().nullish(), name: z.string().nullish() }).nullish(),
  commit_url: z.string().nullish(),
  commit_title: z.string().nullish(),
});

/** A `Deployment Hook`: a deployment to an environment started, succeeded, failed or was canceled. */
export function mapGitlabDeployment(body: unknown): WebhookEffect {
  const d = parsePayload(schema, body, "Deployment Hook");
  // A deployment to an environment with protected-deployment approvals waits for Tandem's decision.
  if (d.status === "blocked") return gitlabGate(d);
  const status = gitlabDeploymentStatus(d.status);
  const finished = status === "succeeded" || status === "failed" || status === "cancelled";
  // The hook names only the short sha; the full one is the last segment of commit_url.
  const fullSha = hexSha(d.commit_url?.split("/").pop());
  return {
    kind: "deployment",
    repositories: gitlabRepositories(d.project),
    draft: {
      externalId: `gitlab:${d.deployment_id}`,
      environments: [...new Set([d.environment, d.environment_slug].filter((e): e is string => Boolean(e)))],
      status,
      version: d.short_sha.slice(0, 8),
      commitSha: fullSha ?? hexSha(d.short_sha),
      actor: text(d.user?.username ?? d.user?.name),
      description: text(d.commit_title, 1000),
      url: webUrl(d.deployable_url) ?? webUrl(d.environment_external_url),
      startedAt: d.status_changed_at,
      finishedAt: finished ? d.status_changed_at : null,
      updatedAt: d.status_changed_at,
      performedBy: d.deployable_id ? { jobExternalId: d.deployable_id } : null,
    },
  };
}

function gitlabGate(d: z.infer<typeof schema>): WebhookEffect {
  const fullSha = hexSha(d.commit_url?.split("/").pop());
  return {
    kind: "gate",
    repositories: gitlabRepositories(d.project),
    draft: {
      provider: "gitlab",
      key: `gitlab:${d.deployment_id}`,
      environments: [...new Set([d.environment, d.environment_slug].filter((e): e is string => Boolean(e)))],
      version: d.short_sha.slice(0, 8),
      commitSha: fullSha ?? hexSha(d.short_sha),
      actor: text(d.user?.username ?? d.user?.name),
      description: `GitLab deployment ${d.deployment_id} of ${d.short_sha} to ${d.environment} waits for Tandem's approval.`,
      ref: { projectId: d.project.id, deploymentId: d.deployment_id },
    },
  };
}
