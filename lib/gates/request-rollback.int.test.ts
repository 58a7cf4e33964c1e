import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import { auditEvents, deployments } from "@/lib/db/schema";
import { expectAppError, inRollback, insertDeployment, insertRelease } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { approvePromotion } from "./approve-promotion";
import { gateFixture, NOW } from "./gate-fixture";
import { requestRollback } from "./request-rollback";

const ctx = (db: Executor, actor: Actor) => ({ db, actor, now: NOW });

/** Staging's fraud deployments, newest first: v2 (now), v3, v2. */
async function stagingHistory(db: Executor, environmentId: string) {
  return db
    .select()
    .from(deployments)
    .where(eq(deployments.environmentId, environmentId))
    .orderBy(desc(deployments.startedAt));
}

describeEachDatabase("requestRollback", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());

  it("asks, through the gate, for the previous version; approval deploys it as a rollback", () =>
    inRollback(handle.db, async (db) => {
      const f = await gateFixture(db);
      const [now, previous] = await stagingHistory(db, f.env.staging.id);
      expect(now!.modelVersionId).toBe(f.versions.v2.id);
      const { request } = await requestRollback(ctx(db, f.people.requester), {
        deploymentId: now!.id,
        reason: "v2 misbehaves",
      });
      expect(request).toMatchObject({
        status: "pending",
        environmentId: f.env.staging.id,
        modelVersionId: previous!.modelVersionId,
        rollbackOfDeploymentId: now!.id,
        requestedByUserId: f.people.requester.userId,
      });
      const [event] = await db.select().from(auditEvents).where(eq(auditEvents.targetId, request.id));
      expect(event?.data).toMatchObject({ rollbackOfDeploymentId: now!.id, rollbackTo: "fraud v3" });

      // The requester cannot approve it: the same gate applies.
      await expectAppError(approvePromotion(ctx(db, f.people.requester), { id: request.id }), "forbidden");
      const approved = await approvePromotion(ctx(db, f.people.approverA), { id: request.id });
      expect(approved.deployment).toMatchObject({
        isRollback: true,
        rollbackOfId: now!.id,
        modelVersionId: f.versions.v3.id,
        status: "succeeded",
      });
      await expectAppError(
        requestRollback(ctx(db, f.people.requester), { deploymentId: now!.id, reason: "again" }),
        "conflict",
      );
    }));

  it("rolls a release back to the previous release, and refuses a second pending request", () =>
    inRollback(handle.db, async (db) => {
      const f = await gateFixture(db);
      const [older] = await db
        .select()
        .from(deployments)
        .where(and(eq(deployments.environmentId, f.env.dev.id), eq(deployments.releaseId, f.release.id)));
      const next = await insertRelease(db, f.project.id, { version: "2.1.0" });
      const current = await insertDeployment(db, f.env.dev, { releaseId: next.id, startedAt: f.at(-10) });
      const { request } = await requestRollback(ctx(db, f.people.requester), {
        deploymentId: current.id,
        reason: "broken build",
      });
      expect(request).toMatchObject({ releaseId: older!.releaseId, modelVersionId: null });
      const dup = await expectAppError(
        requestRollback(ctx(db, f.people.approverA), { deploymentId: current.id, reason: "me too" }),
        "conflict",
      );
      expect(dup.message).toBe("A promotion of 2.0.0 to Development is already waiting for approval.");
    }));

  it("refuses what does not run now, what has no predecessor, viewers and non-admin emergencies", () =>
    inRollback(handle.db, async (db) => {
      const f = await gateFixture(db);
      const [now, , oldest] = await stagingHistory(db, f.env.staging.id);
      const { requester, viewer } = f.people;
      const old = await expectAppError(
        requestRollback(ctx(db, requester), { deploymentId: oldest!.id, reason: "x" }),
        "conflict",
      );
      expect(old.message).toBe("Only what runs in the environment now can be rolled back.");
      const [prodNow] = await stagingHistory(db, f.env.prod.id);
      const none = await expectAppError(
        requestRollback(ctx(db, requester), { deploymentId: prodNow!.id, reason: "x" }),
        "conflict",
      );
      expect(none.message).toBe("Nothing else ran in Production before this deployment to roll back to.");
      await expectAppError(
        requestRollback(ctx(db, viewer), { deploymentId: now!.id, reason: "x" }),
        "forbidden",
      );
      await expectAppError(
        requestRollback(ctx(db, requester), { deploymentId: now!.id, reason: "x", emergency: true }),
        "forbidden",
      );
      await expectAppError(
        requestRollback(ctx(db, requester), { deploymentId: now!.id, reason: " " }),
        "invalid_request",
      );
      await expectAppError(
        requestRollback(ctx(db, requester), { deploymentId: crypto.randomUUID(), reason: "x" }),
        "not_found",
      );
    }));
});
