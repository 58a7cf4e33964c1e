import { z } from "zod";
import {
  hexSha,
  parsePayload,
  text,
  webUrl,
  zId,
  zOptionalTime,
  zTime,
} from "@/lib/providers/shared/payload";
import type { WebhookEffect } from "@/lib/providers/shared/types";
import { githubDeploymentStatus } from "./map-status";

const deployment = z.object({
  id: zId,
  sha: z.string(),
  ref: z.string().nullish(),
  environment: z.string().min(1),
  description: z.string().nullish(),
  creator: z.object({ login: z.string() }).nullish(),
  created_at: zTime,
  updated_at: zTime,
});
const common = {
  deployment,
  repository: z.object({ full_name: z.string().min(1), html_url: z.string().nullish() }),
  workflow_run: z.object({ id: zId }).nullish(),
};
const deploymentSchema = z.object(common);
const statusSchema = z.object({
  ...common,
  deployment_status: z.object({
    state: z.string(),
    description: z.string().nullish(),
    created_at: zTime,
    updated_at: zOptionalTime,
    log_url: z.string().nullish(),
    target_url: z.string().nullish(),
    environment_url: z.string().nullish(),
  }),
});

/** Releases are named by commit, so every deployment of one commit shares one release. */
function version(sha: string): string {
  return sha.slice(0, 8);
}

/** A `deployment` (created) event: the deployment exists and waits to start. */
export function mapDeployment(body: unknown): WebhookEffect {
  const { deployment: d, repository, workflow_run } = parsePayload(deploymentSchema, body, "deployment");
  return {
    kind: "deployment",
    repositories: [repository.full_name],
    draft: {
      externalId: `github:${d.id}`,
      environments: [d.environment],
      status: "queued",
      version: version(d.sha),
      commitSha: hexSha(d.sha),
      actor: text(d.creator?.login),
      description: text(d.description, 1000),
      url: repository.html_url ? webUrl(`${repository.html_url}/deployments`) : null,
      startedAt: d.created_at,
      updatedAt: d.updated_at,
      performedBy: workflow_run ? { runExternalId: workflow_run.id } : null,
    },
  };
}

/** A `deployment_status` event: the deployment moved to a new state. */
export function mapDeploymentStatus(body: unknown): WebhookEffect {
  const parsed = parsePayload(statusSchema, body, "deployment_status");
  const { deployment: d, deployment_status: s, repository, workflow_run } = parsed;
  const status = githubDeploymentStatus(s.state);
  if (!status) return { kind: "ignore", reason: `deployment status "${s.state}" changes nothing` };
  const finished = status === "succeeded" || status === "failed" || status === "cancelled";
  return {
    kind: "deployment",
    repositories: [repository.full_name],
    draft: {
      externalId: `github:${d.id}`,
      environments: [d.environment],
      status,
      version: version(d.sha),
      commitSha: hexSha(d.sha),
      actor: text(d.creator?.login),
      description: text(s.description ?? d.description, 1000),
      url: webUrl(s.log_url) ?? webUrl(s.target_url) ?? webUrl(s.environment_url),
      startedAt: d.created_at,
      finishedAt: finished ? s.created_at : null,
      updatedAt: s.updated_at ?? s.created_at,
      performedBy: workflow_run ? { runExternalId: workflow_run.id } : null,
    },
  };
}
