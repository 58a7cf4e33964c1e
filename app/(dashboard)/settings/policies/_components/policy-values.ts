import type { GatePolicyRow } from "@/lib/gates/load-promotion";
import type { UpdatePolicyInput } from "@/lib/gates/update-policy";

/**
 * The policy form's state and its conversion to and from the verb's input, pure. Numbers
 * stay strings while typed; a relative threshold is shown in percent and stored as a
 * fraction (10 % ⇄ 0.1).
 */

type Role = "viewer" | "engineer" | "approver" | "admin";

export type ThresholdValues = {
  metric: string;
  direction: "higher" | "lower";
  maxRegression: string;
  mode: "absolute" | "relative";
};

export type PolicyFormValues = {
  requiredApprovals: string;
  approverRoles: Role[];
  approverUserIds: string[];
  allowSelfApproval: boolean;
  rejectionEndsRequest: boolean;
  thresholds: ThresholdValues[];
  noFiringAlerts: boolean;
  requireSuccessfulCi: boolean;
  waitMinutes: string;
  windowEnabled: boolean;
  days: number[];
  startHour: string;
  endHour: string;
  timeZone: string;
  expiryHours: string;
};

type StoredPolicy = Pick<
  GatePolicyRow,
  | "requiredApprovals"
  | "approverRoles"
  | "approverUserIds"
  | "allowSelfApproval"
  | "rejectionEndsRequest"
  | "checks"
  | "waitMinutes"
  | "deployWindow"
  | "expiryHours"
>;

/** A number without float noise from the percent conversion (0.1 * 100 = 10.000000000000002). */
const tidy = (n: number) => String(Number(n.toPrecision(12)));

/** The form's starting state; with no policy, what applies without one. */
export function toFormValues(policy: StoredPolicy | null): PolicyFormValues {
  const window = policy?.deployWindow ?? null;
  return {
    requiredApprovals: String(policy?.requiredApprovals ?? 1),
    approverRoles: (policy?.approverRoles ?? ["approver", "admin"]) as Role[],
    approverUserIds: [...(policy?.approverUserIds ?? [])],
    allowSelfApproval: policy?.allowSelfApproval ?? false,
    rejectionEndsRequest: policy?.rejectionEndsRequest ?? true,
    thresholds: (policy?.checks.metricThresholds ?? []).map((t) => ({
      metric: t.metric,
      direction: t.direction,
      mode: t.mode,
      maxRegression: tidy(t.mode === "relative" ? t.maxRegression * 100 : t.maxRegression),
    })),
    // Without a policy no check applies today (see getPromotionRequest); the form starts there.
    noFiringAlerts: policy?.checks.noFiringAlerts ?? false,
    requireSuccessfulCi: policy?.checks.requireSuccessfulCi ?? false,
    waitMinutes: String(policy?.waitMinutes ?? 0),
    windowEnabled: window !== null,
    days: window?.days ?? [1, 2, 3, 4, 5],
    startHour: String(window?.startHour ?? 9),
    endHour: String(window?.endHour ?? 17),
    timeZone: window?.timeZone ?? "UTC",
    expiryHours: String(policy?.expiryHours ?? 72),
  };
}

/** Blank or non-numeric input becomes NaN, which the verb's schema refuses with a field message. */
const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

export function fromFormValues(environmentId: string, v: PolicyFormValues): UpdatePolicyInput {
  return {
    environmentId,
    requiredApprovals: num(v.requiredApprovals),
    approverRoles: v.approverRoles,
    approverUserIds: v.approverUserIds,
    allowSelfApproval: v.allowSelfApproval,
    rejectionEndsRequest: v.rejectionEndsRequest,
    checks: {
      metricThresholds: v.thresholds.map((t) => ({
        metric: t.metric,
        direction: t.direction,
        mode: t.mode,
        maxRegression:
          t.mode === "relative" ? Number(tidy(num(t.maxRegression) / 100)) : num(t.maxRegression),
      })),
      noFiringAlerts: v.noFiringAlerts,
      requireSuccessfulCi: v.requireSuccessfulCi,
    },
    waitMinutes: num(v.waitMinutes),
    deployWindow: v.windowEnabled
      ? { days: v.days, startHour: num(v.startHour), endHour: num(v.endHour), timeZone: v.timeZone.trim() }
      : null,
    expiryHours: num(v.expiryHours),
  };
}
