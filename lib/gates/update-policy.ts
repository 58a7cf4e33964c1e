import "server-only";
import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { AppError, parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, assertProjectVisible } from "@/lib/auth/actor";
import { ROLES } from "@/lib/auth/permissions";
import { nowOf, type ServiceContext } from "@/lib/context";
import { environments, gatePolicies, users } from "@/lib/db/schema";
import type { GatePolicyRow } from "./load-promotion";

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const metricThreshold = z.object({
  metric: z.string().trim().min(1, "Name the metric.").max(100),
  direction: z.enum(["higher", "lower"]).describe("Which way is better."),
  maxRegression: z.number().min(0).max(1e9).describe("The largest allowed worsening."),
  mode: z.enum(["absolute", "relative"]),
});

export const policyFields = z.object({
  requiredApprovals: z.number().int().min(1).max(20),
  approverRoles: z.array(z.enum(ROLES)).max(ROLES.length),
  approverUserIds: z.array(z.uuid()).max(100),
  allowSelfApproval: z.boolean(),
  rejectionEndsRequest: z.boolean(),
  checks: z.object({
    metricThresholds: z.array(metricThreshold).max(20),
    noFiringAlerts: z.boolean(),
    requireSuccessfulCi: z.boolean(),
  }),
  waitMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60),
  deployWindow: z
    .object({
      days: z.array(z.number().int().min(0).max(6)).min(1, "Pick at least one day.").max(7),
      startHour: z.number().int().min(0).max(23),
      endHour: z.number().int().min(0).max(23),
      timeZone: z.string().refine(isTimeZone, "Not a time zone this server knows (e.g. Europe/Berlin)."),
    })
    .nullable(),
  expiryHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
});

export const updatePolicyInput = policyFields
  .extend({ environmentId: z.uuid() })
  .refine((p) => p.approverRoles.length > 0 || p.approverUserIds.length > 0, {
    path: ["approverRoles"],
    message: "Name at least one role or person who may approve.",
  });
export type UpdatePolicyInput = z.input<typeof updatePolicyInput>;

const snapshot = (p: GatePolicyRow | undefined) => {
  if (!p) return null;
  const { id: _id, environmentId: _e, createdAt: _c, updatedAt: _u, ...rest } = p;
  return rest;
};

/**
 * Sets an environment's gate policy (creating it on first edit). Admins only. The audit
 * event holds the policy before and after, written in the same transaction. Pending
 * requests are judged by the new policy from now on.
 */
export async function updatePolicy(
  ctx: ServiceContext,
  rawInput: UpdatePolicyInput,
): Promise<{ policy: GatePolicyRow }> {
  assertCan(ctx.actor, "gates:write");
  const { environmentId, ...fields } = parseInput(updatePolicyInput, rawInput);
  const now = nowOf(ctx);
  const approverUserIds = [...new Set(fields.approverUserIds)];
  const values = {
    ...fields,
    approverRoles: [...new Set(fields.approverRoles)],
    approverUserIds,
    deployWindow: fields.deployWindow && {
      ...fields.deployWindow,
      days: [...new Set(fields.deployWindow.days)].sort(),
    },
  };
  return ctx.db.transaction(async (tx) => {
    const [env] = await tx.select().from(environments).where(eq(environments.id, environmentId));
    if (!env) throw new AppError("not_found", "Environment not found.");
    assertProjectVisible(ctx.actor, env.projectId);
    if (approverUserIds.length > 0) {
      const found = await tx.select({ id: users.id }).from(users).where(inArray(users.id, approverUserIds));
      if (found.length !== approverUserIds.length) {
        throw new AppError("invalid_request", "Some named approvers are not users of Tandem.", {
          fields: [{ path: "approverUserIds", message: "Some named approvers are not users of Tandem." }],
        });
      }
    }
    const [before] = await tx
      .select()
      .from(gatePolicies)
      .where(eq(gatePolicies.environmentId, environmentId))
      .for("update");
    const [policy] = await tx
      .insert(gatePolicies)
      .values({ environmentId, ...values, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: gatePolicies.environmentId, set: { ...values, updatedAt: now } })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "policy.update",
      targetType: "environment",
      targetId: environmentId,
      projectId: env.projectId,
      data: { environment: env.slug, before: snapshot(before), after: snapshot(policy) },
    });
    return { policy: policy! };
  });
}
