import { z } from "zod";
import { hexSha, parsePayload, text, zId } from "@/lib/providers/shared/payload";
import type { WebhookEffect } from "@/lib/providers/shared/types";

const schema = z.object({
  action: z.string(),
  environment: z.string().min(1),
  event: z.string().nullish(),
  deployment_callback_url: z.url(),
  deployment: z.object({
    id: zId,
    sha: z.string().min(7),
    ref: z.string().nullish(),
    creator: z.object({ login: z.string() }).nullish(),
  }),
  repository: z.object({ full_name: z.string().min(1) }),
  installation: z.object({ id: zId }).nullish(),
  sender: z.object({ login: z.string() }).nullish(),
});

/**
 * A `deployment_protection_rule` event (action `requested`): a workflow job waits on an
 * environment whose custom protection rule is Tandem's GitHub App. Tandem opens a request
 * for the commit's release and later POSTs the decision to `deployment_callback_url`.
 */
export function mapProtectionRule(body: unknown): WebhookEffect {
  const p = parsePayload(schema, body, "deployment_protection_rule");
  if (p.action !== "requested")
    return { kind: "ignore", reason: `protection rule action "${p.action}" changes nothing` };
  const runId = /\/actions\/runs\/(\d+)\/deployment_protection_rule/.exec(p.deployment_callback_url)?.[1];
  return {
    kind: "gate",
    repositories: [p.repository.full_name],
    draft: {
      provider: "github",
      key: `github:${p.deployment.id}`,
      environments: [p.environment],
      version: p.deployment.sha.slice(0, 8),
      commitSha: hexSha(p.deployment.sha),
      actor: text(p.sender?.login ?? p.deployment.creator?.login),
      description: `GitHub ${p.event ?? "workflow"} run for ${p.deployment.ref ?? p.deployment.sha.slice(0, 8)} waits for Tandem's approval to deploy to ${p.environment}.`,
      callbackUrl: p.deployment_callback_url,
      ref: {
        deploymentId: p.deployment.id,
        environmentName: p.environment,
        ...(runId ? { runId } : {}),
        ...(p.installation ? { installationId: p.installation.id } : {}),
      },
    },
  };
}
