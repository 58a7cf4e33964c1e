import { Webhooks } from "@octokit/webhooks";
import { bodyDigest } from "@/lib/providers/shared/constant-time";
import type { WebhookProvider } from "@/lib/providers/shared/webhook-provider";
import { mapDeployment, mapDeploymentStatus } from "./map-deployment";
import { mapProtectionRule } from "./map-protection-rule";
import { mapWorkflowJob } from "./map-workflow-job";
import { mapWorkflowRun } from "./map-workflow-run";

const MAPPERS = {
  workflow_run: mapWorkflowRun,
  workflow_job: mapWorkflowJob,
  deployment: mapDeployment,
  deployment_status: mapDeploymentStatus,
  deployment_protection_rule: mapProtectionRule,
} as const;

// One verifier per secret: building one per request would redo the key setup every time.
const verifiers = new Map<string, Webhooks>();
function verifierFor(secret: string): Webhooks {
  let verifier = verifiers.get(secret);
  if (!verifier) {
    if (verifiers.size >= 256) verifiers.delete(verifiers.keys().next().value!);
    verifier = new Webhooks({ secret });
    verifiers.set(secret, verifier);
  }
  return verifier;
}

/** GitHub: `X-Hub-Signature-256` (HMAC-SHA256 of the raw body), `X-GitHub-Event`, `X-GitHub-Delivery`. */
export const githubWebhook: WebhookProvider = {
  kind: "github",
  async verify(headers, rawBody, secret) {
    const signature = headers.get("x-hub-signature-256");
    if (!signature) return false;
    try {
      return await verifierFor(secret).verify(rawBody, signature);
    } catch {
      // A malformed signature header is a failed verification, not a server error.
      return false;
    }
  },
  eventOf: (headers) => headers.get("x-github-event")?.trim() || "unknown",
  deliveryIdOf: (headers, _body, rawBody) => headers.get("x-github-delivery")?.trim() || bodyDigest(rawBody),
  isAccepted: (event) => Object.hasOwn(MAPPERS, event),
  isPing: (event) => event === "ping",
  map(event, body) {
    if (!Object.hasOwn(MAPPERS, event))
      return { kind: "ignore", reason: `GitHub event ${event} is not one Tandem uses` };
    return MAPPERS[event as keyof typeof MAPPERS](body);
  },
};
