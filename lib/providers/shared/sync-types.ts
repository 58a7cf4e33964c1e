import { InvalidPayloadError } from "./payload";
import type { WebhookEffect } from "./types";

/**
 * The contract between a provider's sync pager (lib/providers/<name>/sync-*.ts: official
 * client, documented list endpoints, mapping through the webhook mappers) and the driver in
 * lib/sync, which applies effects, keeps the cursor and handles rate limits. No database here.
 */

/** Where a pass stands: JSON only, stored in sync_states.cursor after every page. */
export type SyncCursor = Record<string, unknown>;

export type SyncPage = {
  /** What this page means for Tandem, in the same words as a webhook (so upserts dedupe). */
  effects: WebhookEffect[];
  /** The cursor after this page: the next page, or (when `done`) the start of the next pass. */
  cursor: SyncCursor;
  /** True when the pass reached the end. */
  done: boolean;
  /** How many items this pass will see in all, when the provider says. */
  itemsTotal?: number | null;
};

/** Response headers of the latest call, lower-cased, for rate-limit headroom. */
export type HeaderSink = (headers: Record<string, string | undefined>) => void;

export type PagerInput = {
  baseUrl: string;
  token: string;
  /** The repository / project as configured on the connection. */
  repository: string;
  /** Where an empty cursor starts: the backfill window's lower bound. */
  backfillSince: Date;
  now: Date;
  onHeaders: HeaderSink;
  timeoutMs?: number;
};

/** One scope of a connection (e.g. `runs:acme/api`) and how to fetch its next page. */
export type ScopePager = {
  scope: string;
  page: (cursor: SyncCursor) => Promise<SyncPage>;
};

/** An ISO date stored in a cursor, or the fallback when it is missing or not a date. */
export function cursorDate(value: unknown, fallback: Date): Date {
  if (typeof value !== "string") return fallback;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? fallback : date;
}

/** Maps one listed item; an item that does not fit the documented shape is skipped with the reason, not fatal. */
export function mapOrSkip(map: () => WebhookEffect): WebhookEffect {
  try {
    return map();
  } catch (error) {
    if (error instanceof InvalidPayloadError) return { kind: "ignore", reason: error.message };
    throw error;
  }
}
