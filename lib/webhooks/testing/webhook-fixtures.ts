import { createHmac, randomBytes } from "node:crypto";
import { resetSecretBoxKeys, seal } from "@/lib/crypto/secret-box";
import type { Executor } from "@/lib/db/client";
import { connections, webhookDeliveries } from "@/lib/db/schema";
import { resetEnv } from "@/lib/env";

/**
 * Factories and signed requests for webhook tests. Integration tests only.
 */

/** An encryption key of this test process's own, so sealing never touches the demo key file. */
export function useWebhookTestKey(): void {
  process.env.TANDEM_ENCRYPTION_KEY = randomBytes(32).toString("base64url");
  resetEnv();
  resetSecretBoxKeys();
}

type Kind = "github" | "gitlab" | "azure_devops";

/** A CI connection with a sealed webhook secret; returns the row and the secret in clear. */
export async function insertCiConnection(
  db: Executor,
  kind: Kind,
  input: { config?: Record<string, unknown>; enabled?: boolean; secret?: string | null } = {},
) {
  const secret = input.secret === undefined ? randomBytes(24).toString("base64url") : input.secret;
  const [row] = await db
    .insert(connections)
    .values({
      kind,
      name: `${kind} ${randomBytes(3).toString("hex")}`,
      baseUrl: kind === "azure_devops" ? "https://dev.azure.com/fabrikam" : `https://${kind}.example.test`,
      webhookSecretEncrypted: secret ? seal(secret) : null,
      config: input.config ?? { repositories: [] },
      enabled: input.enabled ?? true,
    })
    .returning();
  return { connection: row!, secret: secret ?? "" };
}

/** A stored, pending delivery, as the receiving route leaves it. */
export async function insertDelivery(
  db: Executor,
  connectionId: string,
  event: string,
  body: unknown,
  deliveryId = randomBytes(8).toString("hex"),
) {
  const [row] = await db
    .insert(webhookDeliveries)
    .values({ connectionId, deliveryId, event, body: typeof body === "string" ? body : JSON.stringify(body) })
    .returning();
  return row!;
}

const url = (segment: string, id: string) => `http://tandem.test/api/webhooks/${segment}/${id}`;
const text = (body: unknown) => (typeof body === "string" ? body : JSON.stringify(body));

/** `sha256=<hex>` over the exact body, as GitHub signs it. */
export function githubSignature(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export function githubRequest(
  connectionId: string,
  secret: string,
  event: string,
  body: unknown,
  options: { delivery?: string; signature?: string } = {},
): Request {
  const payload = text(body);
  return new Request(url("github", connectionId), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": options.delivery ?? randomBytes(8).toString("hex"),
      "x-hub-signature-256": options.signature ?? githubSignature(payload, secret),
    },
    body: payload,
  });
}

export function gitlabRequest(
  connectionId: string,
  token: string,
  event: string,
  body: unknown,
  options: { uuid?: string } = {},
): Request {
  return new Request(url("gitlab", connectionId), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-gitlab-event": event,
      "x-gitlab-token": token,
      "x-gitlab-event-uuid": options.uuid ?? randomBytes(8).toString("hex"),
    },
    body: text(body),
  });
}

export function azureRequest(
  connectionId: string,
  auth: { password?: string; header?: string },
  body: unknown,
) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (auth.password !== undefined) {
    headers.authorization = `Basic ${Buffer.from(`tandem:${auth.password}`).toString("base64")}`;
  }
  if (auth.header !== undefined) headers["x-tandem-webhook-secret"] = auth.header;
  return new Request(url("azure-devops", connectionId), { method: "POST", headers, body: text(body) });
}

/** The route handlers' second argument. */
export const routeParams = (connectionId: string) => ({ params: Promise.resolve({ connectionId }) });
