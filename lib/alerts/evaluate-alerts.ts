import "server-only";
import { asc, eq } from "drizzle-orm";
import { type Actor, systemActor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { alertRules } from "@/lib/db/schema";
import { logger } from "@/lib/log";
import { dispatchRetrain } from "./dispatch-retrain";
import { evaluateRule, type RuleEvaluation } from "./evaluate-rule";
import { linkRetrainTriggers } from "./link-retrain-triggers";
import { redispatchStuckRetrains } from "./redispatch-stuck-retrains";

export type EvaluationSummary = {
  evaluated: number;
  /** Rules another instance was evaluating at the same moment (their row was locked). */
  skipped: number;
  fired: number;
  resolved: number;
  failed: number;
  retrains: number;
  /** Earlier triggers whose dispatch was lost, sent again (redispatchStuckRetrains). */
  redispatched: number;
};

/**
 * One pass of the alert evaluation job (every minute; also callable directly): evaluates
 * every enabled rule at `now`, each in its own transaction, then starts the retraining runs
 * those evaluations claimed, re-sends earlier triggers whose dispatch was lost, and links
 * earlier triggers forward to their runs and versions.
 * One rule's failure is logged and does not stop the others.
 */
export async function evaluateAlerts(
  db: Executor,
  options: { now?: Date; actor?: Actor } = {},
): Promise<EvaluationSummary> {
  const now = options.now ?? new Date();
  const actor = options.actor ?? systemActor("alerts-evaluate");
  const rules = await db
    .select({ id: alertRules.id })
    .from(alertRules)
    .where(eq(alertRules.enabled, true))
    .orderBy(asc(alertRules.id));
  const summary: EvaluationSummary = {
    evaluated: 0,
    skipped: 0,
    fired: 0,
    resolved: 0,
    failed: 0,
    retrains: 0,
    redispatched: 0,
  };
  const triggers: string[] = [];
  for (const { id } of rules) {
    let result: RuleEvaluation | null;
    try {
      result = await evaluateRule(db, actor, id, now);
    } catch (error) {
      summary.failed++;
      logger.error({ err: error, ruleId: id }, "alert rule evaluation failed");
      continue;
    }
    if (!result) {
      summary.skipped++;
      continue;
    }
    summary.evaluated++;
    if (result.fired) summary.fired++;
    if (result.transition === "resolved") summary.resolved++;
    if (result.retrainTriggerId) triggers.push(result.retrainTriggerId);
  }
  for (const triggerId of triggers) {
    if ((await dispatchRetrain(db, triggerId, now)) === "dispatched") summary.retrains++;
  }
  summary.redispatched = await redispatchStuckRetrains(db, now);
  await linkRetrainTriggers(db, now);
  return summary;
}
