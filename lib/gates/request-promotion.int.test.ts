import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import { auditEvents, gatePolicies } from "@/lib/db/schema";
import { expectAppError, inRollback, minutesAfter, testActor } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { approvePromotion } from "./approve-promotion";
import { gateFixture, NOW } from "./gate-fixture";
import { getPromotionRequest } from "./get-promotion-request";
import { requestPromotion } from "./request-promotion";

const ctx = (db: Executor, actor: Actor, now = NOW) => ({ db, actor, now });

describeEachDatabase("requestPromotion and getPromotionRequest", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());

  it("creates a request for the next environment, expiring after the policy's hours", () =>
    inRollback(handle.db, async (db) => {
      const f = await gateFixture(db);
      await db
        .update(gatePolicies)
        .set({ expiryHours: 24 })
        .where(eq(gatePolicies.environmentId, f.env.prod.id));
      const { requester } = f.people;
      const { request } = await requestPromotion(ctx(db, requester), {
        modelVersionId: f.versions.v2.id,
        environment: "production",
        reason: "  better accuracy  ",
      });
      expect(request).toMatchObject({
        status: "pending",
        environmentId: f.env.prod.id,
        projectId: f.project.id,
        requestedByUserId: requester.userId,
        reason: "better accuracy",
        emergency: false,
        expiresAt: minutesAfter(NOW, 24 * 60),
      });
      const [event] = await db.select().from(auditEvents).where(eq(auditEvents.targetId, request.id));
      expect(event).toMatchObject({ action: "promotion.request", actorUserId: requester.userId });

      const again = await expectAppError(
        requestPromotion(ctx(db, requester), {
          modelVersionId: f.versions.v2.id,
          environmentId: f.env.prod.id,
          reason: "again",
        }),
        "conflict",
      );
      expect(again.message).toBe("A promotion of fraud v2 to Production is already waiting for approval.");
      expect(again.details).toEqual({ requestId: request.id });
      const release = await requestPromotion(ctx(db, requester), {
        releaseId: f.release.id,
        environment: "staging",
        reason: "next release",
      });
      expect(release.request.expiresAt).toEqual(minutesAfter(NOW, 72 * 60));
    }));

  it("follows the environment order unless an admin declares an emergency", () =>
    inRollback(handle.db, async (db) => {
      const f = await gateFixture(db);
      const { requester, admin } = f.people;
      const skip = await expectAppError(
        requestPromotion(ctx(db, requester), {
          modelVersionId: f.versions.v3.id,
          environment: "production",
          reason: "x",
        }),
        "conflict",
      );
      expect(skip.message).toMatch(
        /^fraud v3 runs in Development now, so the next environment is Staging, not Production\./,
      );
      expect(skip.details).toEqual({ nextEnvironment: "staging" });
      const there = await expectAppError(
        requestPromotion(ctx(db, requester), {
          modelVersionId: f.versions.v2.id,
          environment: "staging",
          reason: "x",
        }),
        "conflict",
      );
      expect(there.message).toBe("fraud v2 already runs in Staging.");
      await expectAppError(
        requestPromotion(ctx(db, requester), {
          releaseId: f.release.id,
          environment: "production",
          reason: "x",
        }),
        "conflict",
      );
      const notAdmin = await expectAppError(
        requestPromotion(ctx(db, requester), {
          modelVersionId: f.versions.v3.id,
          environment: "production",
          reason: "hotfix",
          emergency: true,
        }),
        "forbidden",
      );
      expect(notAdmin.message).toBe("Only an admin may ask for an emergency promotion.");
      const { request } = await requestPromotion(ctx(db, admin), {
        modelVersionId: f.versions.v3.id,
        environment: "production",
        reason: "v2 leaks PII; v3 is the only fixed build",
        emergency: true,
      });
      expect(request.emergency).toBe(true);
      const [event] = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.targetId, request.id), eq(auditEvents.action, "promotion.request")));
      expect(event?.data).toMatchObject({ emergency: true, skippedOrder: true, nextEnvironment: "staging" });
    }));

  it("validates input and keeps other projects out of sight", () =>
    inRollback(handle.db, async (db) => {
      const f = await gateFixture(db);
      const { requester, viewer } = f.people;
      const both = await expectAppError(
        requestPromotion(ctx(db, requester), {
          releaseId: f.release.id,
          modelVersionId: f.versions.v2.id,
          environment: "production",
          reason: "x",
        }),
        "invalid_request",
      );
      expect(both.details).toEqual({
        fields: [{ path: "releaseId", message: "Give either a releaseId or a modelVersionId." }],
      });
      await expectAppError(
        requestPromotion(ctx(db, requester), {
          modelVersionId: f.versions.v2.id,
          environment: "production",
          reason: " ",
        }),
        "invalid_request",
      );
      const env = await expectAppError(
        requestPromotion(ctx(db, requester), {
          modelVersionId: f.versions.v2.id,
          environment: "moon",
          reason: "x",
        }),
        "invalid_request",
      );
      expect(env.details).toMatchObject({ fields: [{ path: "environment" }] });
      await expectAppError(
        requestPromotion(ctx(db, requester), {
          modelVersionId: crypto.randomUUID(),
          environment: "production",
          reason: "x",
        }),
        "not_found",
      );
      await expectAppError(
        requestPromotion(ctx(db, testActor("engineer", [crypto.randomUUID()])), {
          modelVersionId: f.versions.v2.id,
          environment: "production",
          reason: "x",
        }),
        "not_found",
      );
      await expectAppError(
        requestPromotion(ctx(db, viewer), {
          modelVersionId: f.versions.v2.id,
          environment: "production",
          reason: "x",
        }),
        "forbidden",
      );
    }));

  it("gives the request page the evidence, who can still approve, eligibility and a timeline", () =>
    inRollback(handle.db, async (db) => {
      const f = await gateFixture(db);
      const { requester, approverA, approverB, approverC, viewer } = f.people;
      const { request } = await requestPromotion(ctx(db, requester), {
        modelVersionId: f.versions.v2.id,
        environment: "production",
        reason: "better accuracy",
      });
      await approvePromotion(ctx(db, approverA), { id: request.id, comment: "ok by me" });

      const detail = await getPromotionRequest(ctx(db, approverB), { id: request.id });
      expect(detail).toMatchObject({
        project: { id: f.project.id },
        environment: { slug: "production", isProduction: true },
        requestedBy: { id: requester.userId, name: "Erin Engineer" },
        candidate: { kind: "model", label: "fraud v2", metrics: { accuracy: 0.92, loss: 0.25 }, ciRun: null },
        current: { subject: { label: "fraud v1", metrics: { accuracy: 0.9 } } },
        policy: { isDefault: false, requiredApprovals: 2, approverRoles: ["approver", "admin"] },
        approvals: [{ userName: "Ann Approver", decision: "approve", comment: "ok by me" }],
        deployment: null,
      });
      expect(detail.checks.map((c) => [c.key, c.status])).toEqual([
        ["expiry", "passed"],
        ["metric:accuracy", "passed"],
        ["alerts", "passed"],
      ]);
      expect(detail.evaluation).toMatchObject({
        state: "waiting_for_approvals",
        completesQuorum: true,
        canApprove: { allowed: true },
      });
      expect(detail.remainingApprovers.map((u) => u.name)).toEqual([
        "Ada Admin",
        "Bob Approver",
        "Cat Approver",
      ]);
      expect(detail.timeline.map((t) => t.action)).toEqual(["promotion.request", "promotion.approve"]);

      const asRequester = await getPromotionRequest(ctx(db, requester), { id: request.id });
      expect(asRequester.evaluation.canApprove.reasons[0]).toBe(
        "You asked for this promotion; this environment's policy does not allow self-approval",
      );
      expect(
        (await getPromotionRequest(ctx(db, viewer), { id: request.id })).evaluation.canApprove.allowed,
      ).toBe(false);

      await approvePromotion(ctx(db, approverC), { id: request.id });
      const done = await getPromotionRequest(ctx(db, viewer), { id: request.id });
      expect(done.request.status).toBe("deployed");
      expect(done.deployment).toMatchObject({ status: "succeeded" });
      // Decided requests keep their evidence: compared with what ran before, not with themselves.
      expect(done.evidenceAsOf).toEqual(NOW);
      expect(done.current?.subject.label).toBe("fraud v1");
      expect(done.checks.find((c) => c.key === "metric:accuracy")?.detail).toBe(
        "accuracy 0.92 vs 0.9 for fraud v1 (+0.02).",
      );
      expect(done.timeline.map((t) => t.action)).toEqual([
        "promotion.request",
        "promotion.approve",
        "promotion.approve",
        "promotion.deploy",
        "deployment.create",
        "alias.move",
        "alias.move",
      ]);
      await expectAppError(getPromotionRequest(ctx(db, viewer), { id: crypto.randomUUID() }), "not_found");
      await expectAppError(
        getPromotionRequest(ctx(db, testActor("viewer", [crypto.randomUUID()])), { id: request.id }),
        "not_found",
      );
    }));
});
