/**
 * The drift queues: `drift-compute` scores one report (sent in the submitting transaction,
 * so it runs after commit); `drift-sweep` scores reports still pending after a minute (no
 * job queue was running, or the job was lost).
 */
export const DRIFT_QUEUES = {
  compute: { name: "drift-compute", options: { retryLimit: 3, retryDelay: 10, retryBackoff: true } },
  sweep: { name: "drift-sweep", cron: "* * * * *" },
} as const;

export type DriftJobData = { reportId: string };
