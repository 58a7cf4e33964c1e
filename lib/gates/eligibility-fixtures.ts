/** Builders shared by the eligibility table tests (a test helper, not shipped code). */
import { ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import type { CheckResult } from "./check-rules";
import {
  DEFAULT_POLICY,
  type EligibilityApproval,
  type EligibilityPolicy,
  type EvaluateInput,
  evaluatePromotion,
  type GateStatus,
} from "./eligibility";

export const NOW = new Date("2026-03-02T12:00:00Z");
export const HOUR = 3_600_000;
type Role = keyof typeof ROLE_PERMISSIONS;

export const actorOf = (userId: string, role: Role) => ({
  userId,
  role,
  permissions: ROLE_PERMISSIONS[role],
});
export const REQUESTER = "u-requester";
export const passed = (key: string): CheckResult => ({
  key,
  kind: "metric",
  label: key,
  status: "passed",
  detail: "ok",
});
export const failedCheck = (key: string, kind: CheckResult["kind"] = "metric"): CheckResult => ({
  key,
  kind,
  label: key,
  status: "failed",
  detail: `${key} is worse`,
});
export const waitPending: CheckResult = {
  key: "wait",
  kind: "wait",
  label: "Wait 30 min after the request",
  status: "pending",
  detail: "Wait timer: 12 min left.",
  waitingFor: "wait timer (12 min left)",
};
export const approve = (userId: string): EligibilityApproval => ({ userId, decision: "approve" });
export const reject = (userId: string): EligibilityApproval => ({ userId, decision: "reject" });

export function evaluate(
  overrides: Partial<EvaluateInput> & { status?: GateStatus; emergency?: boolean } = {},
) {
  const { status = "pending", emergency = false, ...rest } = overrides;
  return evaluatePromotion({
    actor: actorOf("u-approver", "approver"),
    request: {
      requestedByUserId: REQUESTER,
      status,
      emergency,
      expiresAt: new Date(NOW.getTime() + 24 * HOUR),
    },
    policy: null,
    approvals: [],
    checks: [passed("metric:auc")],
    now: NOW,
    ...rest,
  });
}
export const policy = (p: Partial<EligibilityPolicy>): EligibilityPolicy => ({ ...DEFAULT_POLICY, ...p });
