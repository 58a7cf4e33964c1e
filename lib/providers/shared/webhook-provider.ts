import type { CiProvider, WebhookEffect } from "./types";

/**
 * One provider's side of the webhook contract: how it authenticates a delivery, names the
 * event and the delivery, which events Tandem acts on, and what each one means.
 */
export interface WebhookProvider {
  kind: CiProvider;
  /** True when the delivery carries the connection's secret (signature, token or basic auth). */
  verify(headers: Headers, rawBody: string, secret: string): Promise<boolean>;
  eventOf(headers: Headers, body: unknown): string;
  /** The provider's delivery id, or a digest of the body when it sends none. */
  deliveryIdOf(headers: Headers, body: unknown, rawBody: string): string;
  /** Events normalized by the job; every other event is stored as "ignored". */
  isAccepted(event: string): boolean;
  /** A connectivity check answered at once and never normalized (GitHub's `ping`). */
  isPing(event: string): boolean;
  /** Pure: the payload's meaning. Throws InvalidPayloadError when it lacks documented fields. */
  map(event: string, body: unknown): WebhookEffect;
}
