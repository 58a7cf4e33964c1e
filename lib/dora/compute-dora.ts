/**
 * The four DORA delivery metrics from production deployments and incidents, as pure math
 * (the SQL that gathers the rows is in get-dora-metrics.ts). Every metric is null when
 * there is nothing to measure: "no deployments" must not read as "0 failures" or "0 s".
 */

export type DoraDeployment = {
  id: string;
  environmentId: string;
  status: "queued" | "in_progress" | "succeeded" | "failed" | "cancelled";
  isRollback: boolean;
  rollbackOfId: string | null;
  startedAt: number;
  finishedAt: number | null;
  /** Build run queued (≈ commit pushed) or training run started; null when unknown. */
  sourceAt: number | null;
};

/** A firing alert: fired → resolved (null while still firing). */
export type DoraIncident = { firedAt: number; resolvedAt: number | null };

export type DoraMetrics = {
  deployments: number;
  /** Successful production deployments per day over the window. */
  deploymentsPerDay: number | null;
  /** Median source → production finish, ms. */
  leadTimeMs: number | null;
  /** Failed or rolled-back deployments / finished deployments, 0..1. */
  changeFailureRate: number | null;
  /** Median failure (failed deployment or firing alert) → restore, ms. */
  timeToRestoreMs: number | null;
};

export type DoraWeek = DoraMetrics & { weekStart: number };

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const endOf = (d: DoraDeployment) => d.finishedAt ?? d.startedAt;

/**
 * Which deployments count as failed changes: a failed one, or one that a rollback undid
 * (named by rollbackOfId, or else the next deployment in its environment is a rollback).
 */
export function failedChangeIds(all: readonly DoraDeployment[]): Set<string> {
  const failed = new Set<string>();
  const byEnv = new Map<string, DoraDeployment[]>();
  for (const d of [...all].sort((a, b) => a.startedAt - b.startedAt)) {
    if (d.status === "failed" && !d.isRollback) failed.add(d.id);
    if (d.isRollback && d.rollbackOfId) failed.add(d.rollbackOfId);
    const list = byEnv.get(d.environmentId) ?? [];
    list.push(d);
    byEnv.set(d.environmentId, list);
  }
  for (const list of byEnv.values()) {
    list.forEach((d, i) => {
      const next = list[i + 1];
      if (next?.isRollback && !next.rollbackOfId && !d.isRollback) failed.add(d.id);
    });
  }
  return failed;
}

/**
 * Metrics for deployments and incidents that happened in [from, to). `all` may hold
 * deployments outside the window: they are needed to find the restore after a failure.
 */
export function computeDora(
  all: readonly DoraDeployment[],
  incidents: readonly DoraIncident[],
  from: number,
  to: number,
  failed: Set<string> = failedChangeIds(all),
): DoraMetrics {
  const inWindow = all.filter((d) => endOf(d) >= from && endOf(d) < to);
  const changes = inWindow.filter(
    (d) => !d.isRollback && (d.status === "succeeded" || d.status === "failed"),
  );
  const successes = inWindow.filter((d) => d.status === "succeeded");
  const days = (to - from) / DAY_MS;

  const leadTimes = successes
    .filter((d) => !d.isRollback && d.sourceAt !== null && d.finishedAt !== null)
    .map((d) => Math.max(0, d.finishedAt! - d.sourceAt!));

  const succeededByEnv = all
    .filter((d) => d.status === "succeeded" && d.finishedAt !== null)
    .sort((a, b) => a.finishedAt! - b.finishedAt!);
  const restores: number[] = [];
  for (const d of changes) {
    if (!failed.has(d.id)) continue;
    const brokeAt = endOf(d);
    // A rolled-back success is restored by the rollback, which finishes after it.
    const fix = succeededByEnv.find(
      (s) => s.id !== d.id && s.environmentId === d.environmentId && s.finishedAt! > brokeAt,
    );
    if (fix) restores.push(fix.finishedAt! - brokeAt);
  }
  for (const i of incidents) {
    if (i.firedAt >= from && i.firedAt < to && i.resolvedAt !== null) {
      restores.push(Math.max(0, i.resolvedAt - i.firedAt));
    }
  }

  return {
    deployments: changes.length,
    deploymentsPerDay: inWindow.length === 0 || days <= 0 ? null : successes.length / days,
    leadTimeMs: median(leadTimes),
    changeFailureRate:
      changes.length === 0 ? null : changes.filter((d) => failed.has(d.id)).length / changes.length,
    timeToRestoreMs: median(restores),
  };
}

/** Weekly buckets over [from, to), the last one possibly shorter; oldest first. */
export function computeDoraWeeks(
  all: readonly DoraDeployment[],
  incidents: readonly DoraIncident[],
  from: number,
  to: number,
): DoraWeek[] {
  const failed = failedChangeIds(all);
  const weeks: DoraWeek[] = [];
  for (let start = from; start < to; start += WEEK_MS) {
    const end = Math.min(to, start + WEEK_MS);
    weeks.push({ weekStart: start, ...computeDora(all, incidents, start, end, failed) });
  }
  return weeks;
}
