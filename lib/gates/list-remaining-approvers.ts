import "server-only";
import { and, asc, inArray, isNull, or } from "drizzle-orm";
import { roleCan } from "@/lib/auth/permissions";
import type { Executor } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import type { Role } from "@/lib/db/schema/enums";
import { DEFAULT_POLICY } from "./eligibility";
import type { LoadedPromotion } from "./load-promotion";

export type PossibleApprover = { id: string; name: string; email: string; role: Role };

/**
 * People who could still approve: enabled, allowed by role to approve, named by the policy
 * (by role or by name), not yet decided, and not the requester unless self-approval is on.
 * The same rules as evaluatePromotion's canApprove, applied to everyone at once.
 */
export async function listRemainingApprovers(
  db: Executor,
  loaded: LoadedPromotion,
): Promise<PossibleApprover[]> {
  const policy = loaded.policy ?? DEFAULT_POLICY;
  const roles = policy.approverRoles.filter((r): r is Role => roleCan(r as Role, "promotions:approve"));
  const named = [...policy.approverUserIds];
  if (roles.length === 0 && named.length === 0) return [];
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(
      and(
        isNull(users.disabledAt),
        or(
          roles.length > 0 ? inArray(users.role, roles) : undefined,
          named.length > 0 ? inArray(users.id, named) : undefined,
        ),
      ),
    )
    .orderBy(asc(users.name))
    .limit(100);
  const decided = new Set(loaded.approvals.map((a) => a.userId));
  return rows.filter(
    (u) =>
      roleCan(u.role, "promotions:approve") &&
      !decided.has(u.id) &&
      (policy.allowSelfApproval || u.id !== loaded.request.requestedByUserId),
  );
}
