import { formatSpan } from "./format-span";

/**
 * The automatic checks of a gate policy as pure functions: each takes the facts (loaded by
 * evaluate-checks.ts) and the clock, and returns one CheckResult with a reason a person can
 * act on. No database, no Date.now(): table-tested in check-rules.test.ts.
 */

export type CheckStatus = "passed" | "failed" | "pending";
export type CheckKind = "metric" | "alerts" | "ci" | "wait" | "window" | "expiry" | "subject";

export type CheckResult = {
  /** Stable within a request, e.g. "metric:auc", "wait". */
  key: string;
  kind: CheckKind;
  label: string;
  status: CheckStatus;
  /** Why it passed, failed or is still pending, in words. */
  detail: string;
  /** For a pending check: what the request waits for, short ("wait timer (12 min left)"). */
  waitingFor?: string;
};

export type MetricThreshold = {
  metric: string;
  direction: "higher" | "lower";
  maxRegression: number;
  mode: "absolute" | "relative";
};

/** Readable metric values: four significant digits, no float noise ("0.0026", "10.8", "12346"). */
export function formatMetricValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1000) return String(Math.round(value));
  return String(Number(value.toPrecision(4)));
}

const percent = (ratio: number) => `${formatMetricValue(ratio * 100)}%`;
const signed = (text: string, value: number) => (value > 0 ? `+${text}` : value < 0 ? text : "±0");

/**
 * How much worse the candidate is than the current version (0 or negative: not worse), in
 * the rule's mode. A relative regression against a current value of 0 is infinite.
 */
export function metricRegression(rule: MetricThreshold, candidate: number, current: number): number {
  const worse = rule.direction === "higher" ? current - candidate : candidate - current;
  if (rule.mode === "absolute") return worse;
  if (current === 0) return worse > 0 ? Number.POSITIVE_INFINITY : 0;
  return worse / Math.abs(current);
}

/**
 * A metric threshold against what runs in the environment now. Decisions: a candidate
 * without the metric fails (it cannot prove it is not worse); nothing deployed yet, or a
 * current version without the metric, passes, because there is nothing to regress from and
 * failing would block the first promotion forever.
 */
export function metricThresholdCheck(
  rule: MetricThreshold,
  candidate: Record<string, number>,
  current: { label: string; metrics: Record<string, number> } | null,
  environmentName: string,
): CheckResult {
  const allowed =
    rule.mode === "relative" ? percent(rule.maxRegression) : formatMetricValue(rule.maxRegression);
  const worseWord = rule.direction === "higher" ? "lower" : "higher";
  const base = {
    key: `metric:${rule.metric}`,
    kind: "metric" as const,
    label: `${rule.metric} at most ${allowed} ${worseWord} than ${environmentName}`,
  };
  const mine = candidate[rule.metric];
  // A project-wide threshold binds the models that report the metric: one that neither the
  // candidate nor the version it replaces reports (an embedder has no nDCG) does not apply.
  // Dropping a metric the running version reports still fails: the evidence went missing.
  if (typeof mine !== "number" && typeof current?.metrics[rule.metric] !== "number") {
    return {
      ...base,
      status: "passed",
      detail: `Not applicable: neither the candidate nor what runs in ${environmentName} reports ${rule.metric}.`,
    };
  }
  if (typeof mine !== "number") {
    return { ...base, status: "failed", detail: `The candidate has no ${rule.metric} metric to compare.` };
  }
  if (!current) {
    return {
      ...base,
      status: "passed",
      detail: `Nothing runs in ${environmentName} yet to compare against.`,
    };
  }
  const theirs = current.metrics[rule.metric];
  if (typeof theirs !== "number") {
    return {
      ...base,
      status: "passed",
      detail: `${current.label} has no ${rule.metric} to compare against.`,
    };
  }
  const regression = metricRegression(rule, mine, theirs);
  const delta = mine - theirs;
  const change =
    rule.mode === "relative" && theirs !== 0
      ? signed(percent(delta / Math.abs(theirs)), delta)
      : signed(formatMetricValue(delta), delta);
  const values = `${formatMetricValue(mine)} vs ${formatMetricValue(theirs)} for ${current.label}`;
  // A hair of tolerance so 0.9521 - 0.9471 (float 0.00500000001) still counts as 0.005.
  if (regression <= rule.maxRegression + 1e-9) {
    return { ...base, status: "passed", detail: `${rule.metric} ${values} (${change}).` };
  }
  const by = rule.mode === "relative" ? percent(regression) : formatMetricValue(regression);
  return {
    ...base,
    status: "failed",
    detail: `${rule.metric} is ${by} ${worseWord} (${values}); the policy allows at most ${allowed}.`,
  };
}

/** No alert firing on the target environment. */
export function firingAlertsCheck(
  firing: { name: string; severity: string }[],
  environmentName: string,
): CheckResult {
  const base = { key: "alerts", kind: "alerts" as const, label: `No alerts firing in ${environmentName}` };
  if (firing.length === 0)
    return { ...base, status: "passed", detail: `No alerts firing in ${environmentName}.` };
  const names = firing.map((a) => `${a.name} (${a.severity})`).join(", ");
  const count = firing.length === 1 ? "1 alert is" : `${firing.length} alerts are`;
  return { ...base, status: "failed", detail: `${count} firing in ${environmentName}: ${names}.` };
}

export type CiRunFact = { status: string; runNumber: number | null; pipelineName: string };

/** A successful CI run for the release's commit; a run still going keeps the check pending. */
export function ciCheck(commitSha: string | null, runs: CiRunFact[]): CheckResult {
  const base = { key: "ci", kind: "ci" as const, label: "Successful CI run for the commit" };
  if (!commitSha) return { ...base, status: "failed", detail: "The release has no commit to check CI for." };
  const short = commitSha.slice(0, 7);
  const name = (run: CiRunFact) => `${run.pipelineName}${run.runNumber === null ? "" : ` #${run.runNumber}`}`;
  const passed = runs.find((r) => r.status === "succeeded");
  if (passed) return { ...base, status: "passed", detail: `${name(passed)} passed for ${short}.` };
  const going = runs.find((r) => r.status === "queued" || r.status === "running");
  if (going) {
    return {
      ...base,
      status: "pending",
      detail: `${name(going)} is still ${going.status} for ${short}.`,
      waitingFor: `CI for ${short} (${going.status})`,
    };
  }
  const last = runs[0];
  return {
    ...base,
    status: "failed",
    detail: last
      ? `No successful CI run for ${short}; the latest, ${name(last)}, ${last.status}.`
      : `No CI run has been reported for ${short}.`,
  };
}

/** The policy's wait after the request; null when the policy has none. */
export function waitTimerCheck(createdAt: Date, waitMinutes: number, now: Date): CheckResult | null {
  if (waitMinutes <= 0) return null;
  const base = {
    key: "wait",
    kind: "wait" as const,
    label: `Wait ${formatSpan(waitMinutes * 60_000)} after the request`,
  };
  const left = createdAt.getTime() + waitMinutes * 60_000 - now.getTime();
  if (left <= 0) return { ...base, status: "passed", detail: "The wait timer has run out." };
  return {
    ...base,
    status: "pending",
    detail: `Wait timer: ${formatSpan(left)} left.`,
    waitingFor: `wait timer (${formatSpan(left)} left)`,
  };
}

/** A request can only be acted on until it expires. */
export function expiryCheck(expiresAt: Date, now: Date): CheckResult {
  const base = { key: "expiry", kind: "expiry" as const, label: "Request not expired" };
  const left = expiresAt.getTime() - now.getTime();
  if (left > 0) return { ...base, status: "passed", detail: `Expires in ${formatSpan(left)}.` };
  return { ...base, status: "failed", detail: `The request expired ${formatSpan(left)} ago.` };
}
