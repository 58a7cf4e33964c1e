import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { AppError } from "@/lib/api/errors";
import { errorResponse } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/log";
import type { WebhookProvider } from "@/lib/providers/shared/webhook-provider";
import { webhookConnection } from "./connection-cache";
import { readBodyWithLimit } from "./read-body";
import { type Disposition, storeDelivery } from "./store-delivery";
import { drainWaker } from "./wake-drain";

// Credentials and signatures are never stored with the delivery.
const SECRET_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "x-gitlab-token",
  "x-hub-signature",
  "x-hub-signature-256",
  "x-tandem-webhook-secret",
]);

function storableHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  let count = 0;
  for (const [name, value] of headers) {
    if (SECRET_HEADERS.has(name)) continue;
    if (++count > 50) break;
    kept[name] = value.slice(0, 500);
  }
  return kept;
}

function disposition(provider: WebhookProvider, event: string): Disposition {
  if (provider.isPing(event)) return "ping";
  return provider.isAccepted(event) ? "accepted" : "ignored";
}

/**
 * The one path every provider webhook takes; the delivery is stored (one INSERT that commits
 * on its own) before any 2xx goes out, and nothing is stored on an error. Normalization runs
 * later in the connection's drain job, woken after the commit (see storeDelivery):
 *
 *   body over 1 MiB (WEBHOOK_BODY_LIMIT_BYTES)            413 payload_too_large
 *   unknown or malformed id, disabled, another kind        404 not_found
 *   bad or missing signature / token, no secret set        401 unauthenticated
 *   body is not JSON                                       400 invalid_request
 *   delivery id already stored for this connection         200 { status: "duplicate" }
 *   GitHub ping                                            200 { status: "pong", delivery }
 *   event Tandem does not use (stored as "ignored")        202 { status: "ignored", delivery }
 *   accepted event (stored "pending", drain woken)         202 { status: "accepted", delivery }
 */
export async function receiveDelivery(
  request: Request,
  provider: WebhookProvider,
  connectionId: string,
): Promise<Response> {
  const requestId = request.headers.get("x-request-id") ?? randomUUID();
  const started = Date.now();
  let status = 500;
  let event: string | undefined;
  try {
    const response = await handle(request, provider, connectionId, (e) => {
      event = e;
    });
    response.headers.set("x-request-id", requestId);
    status = response.status;
    return response;
  } catch (error) {
    const response = errorResponse(error, requestId);
    status = response.status;
    return response;
  } finally {
    logger.info(
      { requestId, provider: provider.kind, connectionId, event, status, ms: Date.now() - started },
      "webhook delivery",
    );
  }
}

async function handle(
  request: Request,
  provider: WebhookProvider,
  connectionId: string,
  noteEvent: (event: string) => void,
): Promise<Response> {
  const rawBody = await readBodyWithLimit(request);
  const db = await getDb();
  // Cached for a few seconds: the lookup (and secret decryption) was a round trip per delivery.
  let { connection, cached } = await webhookConnection(db, connectionId, provider.kind);
  const verify = async () =>
    connection?.secret ? await provider.verify(request.headers, rawBody, connection.secret) : false;
  let verified = await verify();
  if (!verified && cached) {
    // The secret may have been rotated (or the connection disabled) since it was cached.
    ({ connection } = await webhookConnection(db, connectionId, provider.kind, { fresh: true }));
    verified = await verify();
  }
  // Built only when needed: an Error captures a stack trace, which is not free per delivery.
  if (!connection) throw new AppError("not_found", "No enabled connection of this kind has this id.");
  if (!verified)
    throw new AppError("unauthenticated", "The webhook signature or token does not match this connection.");

  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw new AppError("invalid_request", "The body is not valid JSON.");
  }
  const event = provider.eventOf(request.headers, body);
  noteEvent(event);
  const kind = disposition(provider, event);
  const id = await storeDelivery(
    db,
    {
      connectionId: connection.id,
      deliveryId: provider.deliveryIdOf(request.headers, body, rawBody).slice(0, 200),
      event: event.slice(0, 200),
      headers: storableHeaders(request.headers),
      body: rawBody,
      disposition: kind,
    },
    drainWaker.wake,
  );
  if (id === null) return NextResponse.json({ status: "duplicate" }, { status: 200 });
  if (kind === "ping") return NextResponse.json({ status: "pong", delivery: id }, { status: 200 });
  return NextResponse.json({ status: kind, delivery: id }, { status: 202 });
}
