/** How far back the first sync of a repository reaches. */
export const BACKFILL_DAYS = 30;

/** How often every enabled connection is polled for what webhooks may have missed. */
export const POLL_CRON = "*/5 * * * *";
