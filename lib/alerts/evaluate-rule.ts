import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { alertRules, alerts, metricSeries } from "@/lib/db/schema";
import { type AlertTransition, type CurrentAlert, nextAlertState } from "@/lib/monitoring/alert-state";
import { recordAlertChange } from "./alert-effects";
import { claimRetrain } from "./claim-retrain";
import { windowValue } from "./window-value";

export type RuleEvaluation = {
  ruleId: string;
  transition: AlertTransition;
  value: number | null;
  alertId: string | null;
  /** True when the alert fired in this evaluation (pending → firing, or at once with forSeconds 0). */
  fired: boolean;
  /** A retrain trigger written in this evaluation, for the caller to dispatch after commit. */
  retrainTriggerId: string | null;
};

/**
 * Evaluates one enabled rule at `now`, in one transaction holding the rule's row lock
 * (FOR UPDATE SKIP LOCKED): another instance evaluating the same rule at the same time
 * skips it (null) instead of firing twice. Writes the alerts row as lib/monitoring/alert-state.ts
 * says, records last_evaluated_at, and on fired / resolved audits, notifies and (when the
 * rule retrains and is out of cooldown) writes a retrain trigger.
 */
export async function evaluateRule(
  db: Executor,
  actor: Actor,
  ruleId: string,
  now: Date,
): Promise<RuleEvaluation | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ rule: alertRules, seriesName: metricSeries.name, environmentId: metricSeries.environmentId })
      .from(alertRules)
      .innerJoin(metricSeries, eq(metricSeries.id, alertRules.seriesId))
      .where(and(eq(alertRules.id, ruleId), eq(alertRules.enabled, true)))
      .for("update", { of: alertRules, skipLocked: true });
    if (!row) return null;
    const { rule, seriesName, environmentId } = row;
    const [open] = await tx
      .select()
      .from(alerts)
      .where(and(eq(alerts.ruleId, rule.id), inArray(alerts.state, ["pending", "firing"])))
      .orderBy(desc(alerts.startedAt))
      .limit(1);
    const current: CurrentAlert = !open
      ? { state: "none" }
      : open.state === "firing"
        ? { state: "firing", startedAt: open.startedAt, firedAt: open.firedAt ?? open.startedAt }
        : { state: "pending", startedAt: open.startedAt };
    const value = await windowValue(tx, {
      seriesId: rule.seriesId,
      seriesName,
      windowSeconds: rule.windowSeconds,
      now,
    });
    const next = nextAlertState(
      { comparator: rule.comparator, threshold: rule.threshold, forSeconds: rule.forSeconds },
      current,
      { value, at: now },
    );

    let alertId = open?.id ?? null;
    if (next.transition === "started") {
      const [inserted] = await tx
        .insert(alerts)
        .values({
          ruleId: rule.id,
          projectId: rule.projectId,
          environmentId,
          state: next.state === "firing" ? "firing" : "pending",
          value,
          details: {
            comparator: rule.comparator,
            threshold: rule.threshold,
            windowSeconds: rule.windowSeconds,
          },
          startedAt: next.startedAt!,
          firedAt: next.firedAt,
        })
        .returning({ id: alerts.id });
      alertId = inserted!.id;
    } else if (next.transition === "fired" || next.transition === "resolved") {
      await tx
        .update(alerts)
        .set({
          state: next.state as "firing" | "resolved",
          value,
          firedAt: next.firedAt,
          resolvedAt: next.resolvedAt,
        })
        .where(eq(alerts.id, open!.id));
    } else if (next.transition === "cleared") {
      // A pending alert that recovered before firing was never an alert: nothing to keep.
      await tx.delete(alerts).where(eq(alerts.id, open!.id));
      alertId = null;
    }

    let retrainTriggerId: string | null = null;
    const changed = next.state === "firing" && (next.transition === "started" || next.transition === "fired");
    if (changed || next.transition === "resolved") {
      const change = {
        alertId: alertId!,
        environmentId,
        seriesName,
        value: value!,
        startedAt: next.startedAt!,
        firedAt: next.firedAt,
        resolvedAt: next.resolvedAt,
      };
      await recordAlertChange(tx, actor, changed ? "firing" : "resolved", rule, change);
      if (changed && rule.retrain) retrainTriggerId = await claimRetrain(tx, rule, alertId!, now);
    }
    await tx.update(alertRules).set({ lastEvaluatedAt: now }).where(eq(alertRules.id, rule.id));
    return { ruleId: rule.id, transition: next.transition, value, alertId, fired: changed, retrainTriggerId };
  });
}
