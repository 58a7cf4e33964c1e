import type { Queue } from "pg-boss";
import { POLL_CRON } from "./constants";

/**
 * The sync queues. `sync-connection` is `stately` with the connection id as singleton key:
 * at most one sync of a connection runs and one more waits, however often "Sync now" is
 * pressed or the poll fires. A worker that dies mid-pass leaves its job to expire and be
 * retried; the retry resumes from the stored cursor.
 */
export const SYNC_QUEUES = {
  connection: {
    name: "sync-connection",
    options: {
      policy: "stately",
      retryLimit: 2,
      retryDelay: 60,
      retryBackoff: true,
      // Rate-limit waits are bounded (with-retry.ts); an hour covers a large backfill.
      expireInSeconds: 3600,
    } satisfies Omit<Queue, "name">,
  },
  poll: { name: "sync-poll", cron: POLL_CRON },
} as const;

export type SyncJobData = { connectionId: string; reason: "connect" | "poll" | "manual" };

export const syncJobKey = (connectionId: string) => `connection:${connectionId}`;
