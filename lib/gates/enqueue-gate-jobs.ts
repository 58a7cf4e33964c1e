import "server-only";
import { sql } from "drizzle-orm";
import { fromDrizzle, type PgBoss } from "pg-boss";
import type { Executor } from "@/lib/db/client";
import { senderBoss } from "@/lib/webhooks/enqueue";
import {
  type AnswerJobData,
  answerJobKey,
  type DispatchJobData,
  dispatchJobKey,
  GATE_QUEUES,
} from "./gate-queues";

/** Sends the dispatch job of a deployment through `boss`, on `db` (inside a transaction it runs after commit). */
export async function sendDispatchJob(
  boss: PgBoss,
  db: Executor | null,
  deploymentId: string,
): Promise<void> {
  const data: DispatchJobData = { deploymentId };
  await boss.send(GATE_QUEUES.dispatch.name, data, {
    singletonKey: dispatchJobKey(deploymentId),
    ...(db ? { db: fromDrizzle(db, sql) } : {}),
  });
}

/** Sends the answer job of an external gate through `boss`, on `db`. */
export async function sendAnswerJob(boss: PgBoss, db: Executor | null, requestId: string): Promise<void> {
  const data: AnswerJobData = { requestId };
  await boss.send(GATE_QUEUES.answer.name, data, {
    singletonKey: answerJobKey(requestId),
    ...(db ? { db: fromDrizzle(db, sql) } : {}),
  });
}

/**
 * The one-line hooks the gate verbs call in their transaction. With no job queue running
 * (scripts, tests) nothing is sent: the gate-checks job finds queued deployments and
 * unanswered gates and sends their jobs later, so an acknowledged decision is never lost.
 */
export async function enqueueDispatch(tx: Executor, deploymentId: string): Promise<void> {
  const boss = await senderBoss();
  if (boss) await sendDispatchJob(boss, tx, deploymentId);
}

export async function enqueueGateAnswer(tx: Executor, requestId: string): Promise<void> {
  const boss = await senderBoss();
  if (boss) await sendAnswerJob(boss, tx, requestId);
}
