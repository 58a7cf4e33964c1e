import "server-only";
import {
  loadConnectionForWebhook,
  type WebhookConnection,
} from "@/lib/connections/load-connection-for-webhook";
import type { Executor } from "@/lib/db/client";

/**
 * How long a verified webhook connection (secret opened) is reused without a database read.
 * Short, so disabling a connection or rotating its secret takes effect within seconds in
 * every process; a signature that fails against a cached secret re-reads at once (see
 * receive-delivery), so a rotated secret is never refused.
 */
export const WEBHOOK_CONNECTION_TTL_MS = 5_000;

type Entry = { connection: WebhookConnection; expires: number };
const cache = new Map<string, Entry>();
const MAX_ENTRIES = 1_000;

/**
 * The enabled connection a webhook URL names, from the process cache when fresh; `fresh`
 * forces a read. Unknown or disabled connections are never cached, so a new connection
 * answers at once.
 */
export async function webhookConnection(
  db: Executor,
  id: string,
  kind: WebhookConnection["kind"],
  options: { fresh?: boolean; now?: number } = {},
): Promise<{ connection: WebhookConnection | null; cached: boolean }> {
  const key = `${kind}:${id}`;
  const now = options.now ?? Date.now();
  const hit = cache.get(key);
  if (hit && !options.fresh && hit.expires > now) return { connection: hit.connection, cached: true };
  const connection = await loadConnectionForWebhook(db, id, kind);
  if (connection) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, { connection, expires: now + WEBHOOK_CONNECTION_TTL_MS });
  } else cache.delete(key);
  return { connection, cached: false };
}

/** Forgets every cached connection (tests, and after a change made in this process). */
export function clearWebhookConnectionCache(): void {
  cache.clear();
}
