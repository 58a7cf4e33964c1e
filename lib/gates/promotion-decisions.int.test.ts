import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import { approvals, auditEvents, deployments, modelAliasEvents, modelAliases } from "@/lib/db/schema";
import { expectAppError, inRollback, insertAlert, insertAlertRule, testActor } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { advancePromotion } from "./advance-promotion";
import { approvePromotion } from "./approve-promotion";
import { cancelPromotion } from "./cancel-promotion";
import { gateFixture, NOW } from "./gate-fixture";
import { rejectPromotion } from "./reject-promotion";

const ctx = (db: Executor, actor: Actor, now = NOW) => ({ db, actor, now });

async function auditCount(db: Executor, action: string, targetId?: string) {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), targetId ? eq(auditEvents.targetId, targetId) : undefined));
  return rows.length;
}

describeEachDatabase("promotion decisions", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());

  it("records approvals until quorum, then deploys once and moves the aliases", () =>
    inRollback(handle.db, async (db) => {
      const f = await gateFixture(db);
      const { approverA, approverB, approverC } = f.people;
      const request = await f.pendingRequest();

      const first = await approvePromotion(ctx(db, approverA), { id: request.id, comment: "looks good" });
      expect(first.request.status).toBe("pending");
      expect(first.deployment).toBeNull();
      expect(first.evaluation).toMatchObject({ approvalsGiven: 1, waitingFor: ["1 more approval"] });
      expect(first.approval).toMatchObject({
        userId: approverA.userId,
        decision: "approve",
        comment: "looks good",
      });

      const second = await approvePromotion(ctx(db, approverB), { id: request.id });
      expect(second.request).toMatchObject({ status: "deployed", deploymentId: second.deployment?.id });
      expect(second.deployment).toMatchObject({
        status: "succeeded",
        promotionRequestId: request.id,
        deployedByUserId: approverB.userId,
        modelVersionId: f.versions.v2.id,
        environmentId: f.env.prod.id,
        releaseId: null,
      });
      expect(second.evaluation.state).toBe("closed");

      const aliases = await db.select().from(modelAliases).where(eq(modelAliases.modelId, f.model.id));
      expect(Object.fromEntries(aliases.map((a) => [a.alias, a.versionId]))).toEqual({
        champion: f.versions.v2.id,
        production: f.versions.v2.id,
      });
      const moves = await db.select().from(modelAliasEvents).where(eq(modelAliasEvents.modelId, f.model.id));
      expect(moves.map((m) => [m.alias, m.fromVersionId, m.toVersionId]).sort()).toEqual([
        ["champion", f.versions.v1.id, f.versions.v2.id],
        ["production", null, f.versions.v2.id],
      ]);
      expect(await auditCount(db, "promotion.approve", request.id)).toBe(2);
      expect(await auditCount(db, "promotion.deploy", request.id)).toBe(1);
      expect(await auditCount(db, "deployment.create", second.deployment!.id)).toBe(1);
      expect(await auditCount(db, "alias.move", f.model.id)).toBe(2);

      const late = await expectAppError(approvePromotion(ctx(db, approverC), { id: request.id }), "conflict");
      expect(late.message).toBe("This request was already deployed.");
    }));

  it("refuses self-approval, roles outside the policy and other projects, saying why", () =>
    inRollback(handle.db, async (db) => {
      const f = await gateFixture(db, { approverRoles: ["admin"], approverUserIds: [] });
      const { approverA, requester, viewer, admin } = f.people;
      const own = await f.pendingRequest({ requestedByUserId: admin.userId });
      const self = await expectAppError(approvePromotion(ctx(db, admin), { id: own.id }), "forbidden");
      expect(self.message).toBe(
        "You asked for this promotion; this environment's policy does not allow self-approval.",
      );
      const request = await f.pendingRequest();
      const role = await expectAppError(
        approvePromotion(ctx(db, approverA), { id: request.id }),
        "forbidden",
      );
      expect(role.message).toBe("Only admin may approve here.");
      expect(role.details).toEqual({ reasons: ["Only admin may approve here"] });
      await expectAppError(approvePromotion(ctx(db, requester), { id: request.id }), "forbidden");
      await expectAppError(approvePromotion(ctx(db, viewer), { id: request.id }), "forbidden");
      const elsewhere = testActor("admin", [crypto.randomUUID()]);
      await expectAppError(approvePromotion(ctx(db, elsewhere), { id: request.id }), "not_found");
      await expectAppError(approvePromotion(ctx(db, admin), { id: "not-a-uuid" }), "not_found");
      expect(await db.select().from(approvals).where(eq(approvals.requestId, request.id))).toEqual([]);
    }));

  it("refuses expired and already-decided requests, and a second decision, with 409", () =>
    inRollback(handle.db, async (db) => {
      const f = await gateFixture(db);
      const { approverA, requester } = f.people;
      const expired = await f.pendingRequest({ expiresAt: f.at(-120) });
      const e = await expectAppError(approvePromotion(ctx(db, approverA), { id: expired.id }), "conflict");
      expect(e.message).toBe("Request expired 2 h ago.");
      await expectAppError(cancelPromotion(ctx(db, requester), { id: expired.id }), "conflict");
      const rejected = await f.pendingRequest({ status: "rejected" });
      await expectAppError(
        rejectPromotion(ctx(db, approverA), { id: rejected.id, comment: "no" }),
        "conflict",
      );
      const request = await f.pendingRequest();
      await approvePromotion(ctx(db, approverA), { id: request.id });
      const twice = await expectAppError(
        approvePromotion(ctx(db, approverA), { id: request.id }),
        "conflict",
      );
      expect(twice.message).toBe("You already approved.");
    }));

  it("keeps a request pending with its approvals when a check fails, until an emergency", () =>
    inRollback(handle.db, async (db) => {
      const f = await gateFixture(db);
      const { approverA, approverB, admin } = f.people;
      const rule = await insertAlertRule(db, f.project.id, { name: "Error rate high", severity: "critical" });
      await insertAlert(db, rule, { environmentId: f.env.prod.id });
      const worse = await f.pendingRequest({ modelVersionId: f.versions.v3.id });
      await approvePromotion(ctx(db, approverA), { id: worse.id });
      const held = await approvePromotion(ctx(db, approverB), { id: worse.id });
      expect(held.request.status).toBe("pending");
      expect(held.deployment).toBeNull();
      expect(held.evaluation.state).toBe("blocked_by_checks");
      expect(held.evaluation.blockedBy).toEqual([
        "accuracy is 0.05 lower (0.85 vs 0.9 for fraud v1); the policy allows at most 0.01.",
        "1 alert is firing in Production: Error rate high (critical).",
      ]);
      expect(await db.select().from(approvals).where(eq(approvals.requestId, worse.id))).toHaveLength(2);
      const stuck = await expectAppError(advancePromotion(ctx(db, admin), { id: worse.id }), "conflict");
      expect(stuck.message).toMatch(
        /^Not ready to deploy\. Approved, but a check fails: accuracy is 0.05 lower/,
      );

      const emergency = await f.pendingRequest({ modelVersionId: f.versions.v3.id, emergency: true });
      await approvePromotion(ctx(db, approverA), { id: emergency.id });
      const forced = await approvePromotion(ctx(db, approverB), { id: emergency.id });
      expect(forced.request.status).toBe("deployed");
      const [event] = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "promotion.deploy"), eq(auditEvents.targetId, emergency.id)));
      expect(event?.data).toMatchObject({ emergency: true, bypassedChecks: ["metric:accuracy", "alerts"] });
    }));

  it("waits for the wait timer, then deploys when pushed on", () =>
    inRollback(handle.db, async (db) => {
      const f = await gateFixture(db, { waitMinutes: 90 });
      const { approverA, approverB, viewer } = f.people;
      const request = await f.pendingRequest({ createdAt: f.at(-60) });
      await approvePromotion(ctx(db, approverA), { id: request.id });
      const waiting = await approvePromotion(ctx(db, approverB), { id: request.id });
      expect(waiting.evaluation).toMatchObject({
        state: "waiting_for_checks",
        waitingFor: ["wait timer (30 min left)"],
      });
      await expectAppError(advancePromotion(ctx(db, approverA), { id: request.id }), "conflict");
      await expectAppError(advancePromotion(ctx(db, viewer, f.at(31)), { id: request.id }), "forbidden");
      const done = await advancePromotion(ctx(db, approverA, f.at(31)), { id: request.id });
      expect(done.request.status).toBe("deployed");
      expect(done.deployment.deployedByUserId).toBe(approverA.userId);
    }));

  it("ends a request on rejection by default, and only records it when the policy says so", () =>
    inRollback(handle.db, async (db) => {
      const f = await gateFixture(db);
      const { approverA, approverB, approverC } = f.people;
      const request = await f.pendingRequest();
      const empty = await expectAppError(
        rejectPromotion(ctx(db, approverA), { id: request.id, comment: "  " }),
        "invalid_request",
      );
      expect(empty.details).toMatchObject({ fields: [{ path: "comment" }] });
      const rejected = await rejectPromotion(ctx(db, approverA), {
        id: request.id,
        comment: "p95 is up 40 ms",
      });
      expect(rejected).toMatchObject({ ended: true, request: { status: "rejected" } });
      expect(rejected.request.decidedAt).toEqual(NOW);
      expect(await auditCount(db, "promotion.reject", request.id)).toBe(1);

      const lenient = await gateFixture(db, { rejectionEndsRequest: false });
      const open = await lenient.pendingRequest();
      const no = await rejectPromotion(ctx(db, approverA), { id: open.id, comment: "not convinced" });
      expect(no).toMatchObject({ ended: false, request: { status: "pending" } });
      await approvePromotion(ctx(db, approverB), { id: open.id });
      const yes = await approvePromotion(ctx(db, approverC), { id: open.id });
      expect(yes.request.status).toBe("deployed");
    }));

  it("lets the requester or an admin cancel, once", () =>
    inRollback(handle.db, async (db) => {
      const f = await gateFixture(db);
      const { approverA, requester, admin, viewer } = f.people;
      const mine = await f.pendingRequest();
      const other = await expectAppError(cancelPromotion(ctx(db, approverA), { id: mine.id }), "forbidden");
      expect(other.message).toBe("Only the person who asked for this promotion or an admin can cancel it.");
      await expectAppError(cancelPromotion(ctx(db, viewer), { id: mine.id }), "forbidden");
      const done = await cancelPromotion(ctx(db, requester), { id: mine.id, comment: "superseded by v4" });
      expect(done.request).toMatchObject({ status: "cancelled", decidedAt: NOW });
      await expectAppError(cancelPromotion(ctx(db, requester), { id: mine.id }), "conflict");
      const theirs = await f.pendingRequest();
      expect((await cancelPromotion(ctx(db, admin), { id: theirs.id })).request.status).toBe("cancelled");
      expect(await db.select().from(deployments).where(eq(deployments.promotionRequestId, mine.id))).toEqual(
        [],
      );
    }));
});
