import "server-only";
import type { PgBoss } from "pg-boss";
import type { Database } from "@/lib/db/client";
import { dispatchDeployment, findStrandedDispatches } from "@/lib/deployments/dispatch-deployment";
import { logger } from "@/lib/log";
import { answerExternalGate, findUnansweredGates } from "./answer-external-gate";
import { sendAnswerJob, sendDispatchJob } from "./enqueue-gate-jobs";
import { type AnswerJobData, type DispatchJobData, GATE_JOB_RETRY_LIMIT, GATE_QUEUES } from "./gate-queues";
import { advanceWaitingPromotions } from "./run-gate-checks";

/** Creates the gate queues and the gate-checks schedule; idempotent, safe from every instance. */
export async function declareGateQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(GATE_QUEUES.dispatch.name, GATE_QUEUES.dispatch.options);
  await boss.createQueue(GATE_QUEUES.answer.name, GATE_QUEUES.answer.options);
  await boss.createQueue(GATE_QUEUES.checks.name);
  await boss.schedule(GATE_QUEUES.checks.name, GATE_QUEUES.checks.cron);
}

/**
 * Starts the gate workers: deploy-dispatch (start approved deployments at the provider),
 * gate-answer (tell a provider how its external gate was decided), and the every-minute
 * gate-checks (advance requests whose checks now pass; re-send lost dispatches and answers).
 */
export async function registerGateWorkers(boss: PgBoss, db: Database): Promise<void> {
  await boss.work<DispatchJobData>(GATE_QUEUES.dispatch.name, async (jobs) => {
    for (const job of jobs) {
      // A retryable provider failure throws here; pg-boss backs off and tries again.
      await dispatchDeployment(db, job.data.deploymentId, {
        finalAttempt: job.retryCount >= GATE_JOB_RETRY_LIMIT,
      });
    }
  });
  await boss.work<AnswerJobData>(GATE_QUEUES.answer.name, async (jobs) => {
    for (const job of jobs) {
      await answerExternalGate(db, job.data.requestId, {
        finalAttempt: job.retryCount >= GATE_JOB_RETRY_LIMIT,
      });
    }
  });
  await boss.work(GATE_QUEUES.checks.name, async () => {
    const now = new Date();
    const advanced = await advanceWaitingPromotions(db, now);
    const stranded = await findStrandedDispatches(db, now);
    for (const id of stranded) await sendDispatchJob(boss, null, id);
    const unanswered = await findUnansweredGates(db, now);
    for (const id of unanswered) await sendAnswerJob(boss, null, id);
    if (advanced + stranded.length + unanswered.length > 0) {
      logger.info({ advanced, stranded: stranded.length, unanswered: unanswered.length }, "gate checks");
    }
  });
}
