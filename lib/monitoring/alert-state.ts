/**
 * Alert state transitions for one rule, as a pure function: the evaluation job (next
 * increment) reads the latest window value of the rule's series, calls `nextAlertState`,
 * and writes what it returns to the alerts table (inserting on "started", updating on
 * "fired" / "resolved", deleting the pending row on "cleared"), then notifies.
 */

export type AlertCondition = {
  comparator: "gt" | "lt";
  threshold: number;
  /** How long the condition must hold before a pending alert fires ("for 5 minutes"). */
  forSeconds: number;
};

/** The rule's open alert, if any (a resolved alert is closed: the next breach opens a new one). */
export type CurrentAlert =
  | { state: "none" }
  | { state: "pending"; startedAt: Date }
  | { state: "firing"; startedAt: Date; firedAt: Date };

/** The latest window value (null when the window had no points) and the evaluation time. */
export type Observation = { value: number | null; at: Date };

export type AlertTransition =
  /** Nothing changed. */
  | "none"
  /** Breach began: a pending alert opens (or fires at once when forSeconds is 0). */
  | "started"
  | "fired"
  /** A firing alert is back within the threshold. */
  | "resolved"
  /** A pending alert recovered before it fired: it is dropped, never notified. */
  | "cleared"
  /** No data in the window: a gap is not evidence of recovery, so the state holds. */
  | "no_data"
  /** An observation older than the alert's own timestamps (a late evaluation): ignored. */
  | "stale";

export type NextAlert = {
  state: "none" | "pending" | "firing" | "resolved";
  transition: AlertTransition;
  startedAt: Date | null;
  firedAt: Date | null;
  resolvedAt: Date | null;
};

/** Strictly beyond the threshold: a value equal to it does not breach. */
export function breaches(condition: AlertCondition, value: number): boolean {
  return condition.comparator === "gt" ? value > condition.threshold : value < condition.threshold;
}

function unchanged(current: CurrentAlert, transition: AlertTransition): NextAlert {
  return {
    state: current.state,
    transition,
    startedAt: current.state === "none" ? null : current.startedAt,
    firedAt: current.state === "firing" ? current.firedAt : null,
    resolvedAt: null,
  };
}

export function nextAlertState(
  condition: AlertCondition,
  current: CurrentAlert,
  observation: Observation,
): NextAlert {
  const { value, at } = observation;
  if (value === null || !Number.isFinite(value)) return unchanged(current, "no_data");
  const latest =
    current.state === "firing" ? current.firedAt : current.state === "pending" ? current.startedAt : null;
  if (latest && at < latest) return unchanged(current, "stale");
  const breach = breaches(condition, value);

  switch (current.state) {
    case "none":
      if (!breach) return unchanged(current, "none");
      if (condition.forSeconds <= 0) {
        return { state: "firing", transition: "started", startedAt: at, firedAt: at, resolvedAt: null };
      }
      return { state: "pending", transition: "started", startedAt: at, firedAt: null, resolvedAt: null };
    case "pending": {
      if (!breach) {
        return {
          state: "none",
          transition: "cleared",
          startedAt: current.startedAt,
          firedAt: null,
          resolvedAt: null,
        };
      }
      const held = at.getTime() - current.startedAt.getTime();
      if (held < condition.forSeconds * 1000) return unchanged(current, "none");
      return {
        state: "firing",
        transition: "fired",
        startedAt: current.startedAt,
        firedAt: at,
        resolvedAt: null,
      };
    }
    case "firing":
      if (breach) return unchanged(current, "none");
      return {
        state: "resolved",
        transition: "resolved",
        startedAt: current.startedAt,
        firedAt: current.firedAt,
        resolvedAt: at,
      };
  }
}
