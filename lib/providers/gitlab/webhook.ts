import { bodyDigest, secretsEqual } from "@/lib/providers/shared/constant-time";
import type { WebhookProvider } from "@/lib/providers/shared/webhook-provider";
import { mapGitlabDeployment } from "./map-deployment";
import { mapGitlabJob } from "./map-job";
import { mapGitlabPipeline } from "./map-pipeline";

const MAPPERS = {
  "Pipeline Hook": mapGitlabPipeline,
  "Job Hook": mapGitlabJob,
  "Deployment Hook": mapGitlabDeployment,
} as const;

/** GitLab: the secret comes back verbatim in `X-Gitlab-Token`; `X-Gitlab-Event-UUID` names the delivery. */
export const gitlabWebhook: WebhookProvider = {
  kind: "gitlab",
  async verify(headers, _rawBody, secret) {
    const token = headers.get("x-gitlab-token");
    return token !== null && secretsEqual(token, secret);
  },
  eventOf: (headers) => headers.get("x-gitlab-event")?.trim() || "unknown",
  deliveryIdOf: (headers, _body, rawBody) =>
    headers.get("x-gitlab-event-uuid")?.trim() || bodyDigest(rawBody),
  isAccepted: (event) => Object.hasOwn(MAPPERS, event),
  isPing: () => false,
  map(event, body) {
    if (!Object.hasOwn(MAPPERS, event))
      return { kind: "ignore", reason: `GitLab event ${event} is not one Tandem uses` };
    return MAPPERS[event as keyof typeof MAPPERS](body);
  },
};
