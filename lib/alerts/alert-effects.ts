import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import type { alertRules } from "@/lib/db/schema";
import { enqueueNotification } from "@/lib/notifications/enqueue-notification";

type Rule = Pick<
  typeof alertRules.$inferSelect,
  "id" | "projectId" | "name" | "comparator" | "threshold" | "severity" | "forSeconds" | "windowSeconds"
>;
export type AlertChange = {
  alertId: string;
  environmentId: string | null;
  seriesName: string;
  value: number;
  startedAt: Date;
  firedAt: Date | null;
  resolvedAt: Date | null;
};

/** Audits a fired or resolved alert and queues its notification, in the evaluation's transaction. */
export async function recordAlertChange(
  tx: Executor,
  actor: Actor,
  kind: "firing" | "resolved",
  rule: Rule,
  change: AlertChange,
): Promise<void> {
  const data = {
    alertId: change.alertId,
    ruleId: rule.id,
    ruleName: rule.name,
    projectId: rule.projectId,
    environmentId: change.environmentId,
    series: change.seriesName,
    severity: rule.severity,
    comparator: rule.comparator,
    threshold: rule.threshold,
    value: change.value,
    startedAt: change.startedAt.toISOString(),
    firedAt: change.firedAt?.toISOString() ?? null,
    resolvedAt: change.resolvedAt?.toISOString() ?? null,
  };
  await recordAudit(tx, actor, {
    action: kind === "firing" ? "alert.fire" : "alert.resolve",
    targetType: "alert",
    targetId: change.alertId,
    projectId: rule.projectId,
    data,
  });
  await enqueueNotification(
    tx,
    kind === "firing" ? "alert.firing" : "alert.resolved",
    data,
    change.firedAt ?? change.resolvedAt ?? undefined,
  );
}
