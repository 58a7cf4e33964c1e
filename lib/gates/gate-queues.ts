import type { Queue } from "pg-boss";

/** How many times pg-boss retries a dispatch or a gate answer before giving up on it. */
export const GATE_JOB_RETRY_LIMIT = 8;

const retried = {
  policy: "singleton",
  retryLimit: GATE_JOB_RETRY_LIMIT,
  retryDelay: 15,
  retryBackoff: true,
  expireInSeconds: 300,
} satisfies Omit<Queue, "name">;

/**
 * The gate's own queues. `deploy-dispatch` starts an approved deployment at the provider and
 * `gate-answer` tells a provider how its external gate was decided; both run after the
 * deciding transaction commits (the job is sent inside it), one job per deployment or
 * request (singleton keys), retried with back-off through a provider outage. `gate-checks`
 * pushes approved requests on once their checks, wait timer or window allow, and re-sends
 * dispatches and answers whose job was lost.
 */
export const GATE_QUEUES = {
  dispatch: { name: "deploy-dispatch", options: retried },
  answer: { name: "gate-answer", options: retried },
  checks: { name: "gate-checks", cron: "* * * * *" },
} as const;

export type DispatchJobData = { deploymentId: string };
export type AnswerJobData = { requestId: string };

export const dispatchJobKey = (deploymentId: string) => `deploy:${deploymentId}`;
export const answerJobKey = (requestId: string) => `answer:${requestId}`;
