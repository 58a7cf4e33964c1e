import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import { auditEvents, gatePolicies } from "@/lib/db/schema";
import { expectAppError, inRollback, insertProject, testActor } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { gateFixture, NOW } from "./gate-fixture";
import { type UpdatePolicyInput, updatePolicy } from "./update-policy";

const ctx = (db: Executor, actor: Actor) => ({ db, actor, now: NOW });

const policy = (environmentId: string): UpdatePolicyInput => ({
  environmentId,
  requiredApprovals: 2,
  approverRoles: ["approver", "approver"],
  approverUserIds: [],
  allowSelfApproval: false,
  rejectionEndsRequest: true,
  checks: {
    metricThresholds: [
      { metric: "p95_latency_ms", direction: "lower", maxRegression: 0.1, mode: "relative" },
    ],
    noFiringAlerts: true,
    requireSuccessfulCi: true,
  },
  waitMinutes: 30,
  deployWindow: { days: [5, 1, 2], startHour: 9, endHour: 17, timeZone: "Europe/Berlin" },
  expiryHours: 48,
});

describeEachDatabase("updatePolicy", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());

  it("creates a policy on first edit, replaces it after, and audits before and after", () =>
    inRollback(handle.db, async (db) => {
      const f = await gateFixture(db);
      const { admin, approverA } = f.people;
      const created = await updatePolicy(ctx(db, admin), policy(f.env.staging.id));
      expect(created.policy).toMatchObject({
        environmentId: f.env.staging.id,
        requiredApprovals: 2,
        approverRoles: ["approver"],
        deployWindow: { days: [1, 2, 5], startHour: 9, endHour: 17, timeZone: "Europe/Berlin" },
        expiryHours: 48,
        waitMinutes: 30,
      });
      const updated = await updatePolicy(ctx(db, admin), {
        ...policy(f.env.prod.id),
        approverRoles: [],
        approverUserIds: [approverA.userId],
        deployWindow: null,
      });
      expect(updated.policy).toMatchObject({ approverRoles: [], approverUserIds: [approverA.userId] });
      const rows = await db.select().from(gatePolicies).where(eq(gatePolicies.environmentId, f.env.prod.id));
      expect(rows).toHaveLength(1);
      const events = await db.select().from(auditEvents).where(eq(auditEvents.action, "policy.update"));
      expect(events).toHaveLength(2);
      const prodEvent = events.find((e) => e.targetId === f.env.prod.id)!;
      expect(prodEvent.data).toMatchObject({
        environment: "production",
        before: { requiredApprovals: 2, approverRoles: ["approver", "admin"] },
        after: { approverRoles: [], approverUserIds: [approverA.userId], deployWindow: null },
      });
      expect(events.find((e) => e.targetId === f.env.staging.id)?.data).toMatchObject({ before: null });
    }));

  it("refuses non-admins, bad input, unknown approvers and other projects", () =>
    inRollback(handle.db, async (db) => {
      const f = await gateFixture(db);
      const { admin, approverA } = f.people;
      await expectAppError(updatePolicy(ctx(db, approverA), policy(f.env.prod.id)), "forbidden");
      const bad = async (patch: Partial<UpdatePolicyInput>) =>
        expectAppError(
          updatePolicy(ctx(db, admin), { ...policy(f.env.prod.id), ...patch }),
          "invalid_request",
        );
      await bad({ requiredApprovals: 0 });
      await bad({ approverRoles: [], approverUserIds: [] });
      await bad({ deployWindow: { days: [1], startHour: 9, endHour: 17, timeZone: "Mars/Olympus" } });
      await bad({ deployWindow: { days: [], startHour: 9, endHour: 17, timeZone: "UTC" } });
      await bad({ approverUserIds: [crypto.randomUUID()] });
      await bad({
        checks: {
          metricThresholds: [{ metric: "", direction: "higher", maxRegression: 1, mode: "absolute" }],
          noFiringAlerts: true,
          requireSuccessfulCi: false,
        },
      });
      await expectAppError(updatePolicy(ctx(db, admin), policy(crypto.randomUUID())), "not_found");
      const other = await insertProject(db, { slug: "elsewhere" });
      await expectAppError(
        updatePolicy(ctx(db, testActor("admin", [other.id])), policy(f.env.prod.id)),
        "not_found",
      );
      const [unchanged] = await db
        .select()
        .from(gatePolicies)
        .where(eq(gatePolicies.environmentId, f.env.prod.id));
      expect(unchanged?.requiredApprovals).toBe(2);
      expect(unchanged?.waitMinutes).toBe(0);
    }));
});
