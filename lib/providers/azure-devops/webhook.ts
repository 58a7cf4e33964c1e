import { z } from "zod";
import { bodyDigest, secretsEqual } from "@/lib/providers/shared/constant-time";
import type { WebhookProvider } from "@/lib/providers/shared/webhook-provider";
import { mapAzureBuild } from "./map-build";
import { mapAzureRunState } from "./map-run-state";

const MAPPERS = {
  "build.complete": mapAzureBuild,
  "ms.vss-pipelines.run-state-changed-event": mapAzureRunState,
  "ms.vss-pipelines.stage-state-changed-event": mapAzureRunState,
  "ms.vss-pipelines.job-state-changed-event": mapAzureRunState,
} as const;

/** The header a service hook can send instead of basic auth (set under "HTTP headers"). */
export const AZURE_SECRET_HEADER = "x-tandem-webhook-secret";

const envelope = z.object({ id: z.string().nullish(), eventType: z.string().nullish() });
const ZERO_ID = /^[0-]+$/;

/** The password of a `Basic` authorization header (any user name), or null. */
function basicPassword(header: string | null): string | null {
  const match = header ? /^Basic\s+(\S+)$/i.exec(header.trim()) : null;
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : decoded.slice(colon + 1);
}

/**
 * Azure DevOps service hooks: basic auth whose password is the webhook secret (any user
 * name), or the secret in `X-Tandem-Webhook-Secret`. The event type and id are in the body.
 */
export const azureDevopsWebhook: WebhookProvider = {
  kind: "azure_devops",
  async verify(headers, _rawBody, secret) {
    const given = [headers.get(AZURE_SECRET_HEADER), basicPassword(headers.get("authorization"))];
    // Both are compared (no early exit), so timing does not tell which one was tried.
    const matches = given.map((value) => value !== null && secretsEqual(value, secret));
    return matches.some(Boolean);
  },
  eventOf: (_headers, body) => envelope.safeParse(body).data?.eventType?.trim() || "unknown",
  deliveryIdOf(_headers, body, rawBody) {
    const id = envelope.safeParse(body).data?.id?.trim();
    // "Test" notifications carry an all-zero id; digesting the body keeps them distinct.
    return id && !ZERO_ID.test(id) ? id : bodyDigest(rawBody);
  },
  isAccepted: (event) => Object.hasOwn(MAPPERS, event),
  isPing: () => false,
  map(event, body) {
    if (!Object.hasOwn(MAPPERS, event)) {
      return { kind: "ignore", reason: `Azure DevOps event ${event} is not one Tandem uses` };
    }
    return MAPPERS[event as keyof typeof MAPPERS](body);
  },
};
