import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/api/errors";
import type { Actor } from "@/lib/auth/actor";
import type { DatabaseHandle } from "@/lib/db/client";
import { approvals, auditEvents, deployments, promotionRequests } from "@/lib/db/schema";
import { actorWithRole } from "@/lib/db/test-factories";
import { createTestDatabase, TEST_DATABASE_KINDS } from "@/lib/db/testing";
import { approvePromotion } from "./approve-promotion";
import { gateFixture, NOW } from "./gate-fixture";
import { rejectPromotion } from "./reject-promotion";

/**
 * Many people deciding on one request at the same moment, each in their own transaction on
 * their own pooled connection, as several app instances would. Real Postgres only: PGlite
 * is one connection in one process, so its transactions never interleave and a pass there
 * would prove nothing.
 */
describe.skipIf(!TEST_DATABASE_KINDS.includes("postgres"))("concurrent decisions [postgres]", () => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase("postgres");
  });
  afterAll(() => handle?.drop());

  const approvers = (n: number) =>
    Promise.all(
      Array.from({ length: n }, (_, i) => actorWithRole(handle.db, "approver", { name: `Approver ${i}` })),
    );
  const settle = <T>(calls: Promise<T>[]) => Promise.allSettled(calls);
  const refusals = (results: PromiseSettledResult<unknown>[]) =>
    results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));

  async function tally(requestId: string) {
    const db = handle.db;
    const [request] = await db.select().from(promotionRequests).where(eq(promotionRequests.id, requestId));
    const deployed = await db.select().from(deployments).where(eq(deployments.promotionRequestId, requestId));
    const [decisions] = await db
      .select({ n: count() })
      .from(approvals)
      .where(eq(approvals.requestId, requestId));
    const events = await db
      .select({ action: auditEvents.action, n: count() })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, requestId))
      .groupBy(auditEvents.action);
    const deploymentEvents = deployed.length
      ? await db
          .select({ n: count() })
          .from(auditEvents)
          .where(
            and(
              eq(auditEvents.action, "deployment.create"),
              inArray(
                auditEvents.targetId,
                deployed.map((d) => d.id),
              ),
            ),
          )
      : [{ n: 0 }];
    return {
      status: request!.status,
      deployments: deployed.length,
      decisions: decisions!.n,
      audit: Object.fromEntries(events.map((e) => [e.action, e.n])),
      deploymentEvents: deploymentEvents[0]!.n,
    };
  }

  it("six approvers at once on a request needing two: one transition, one deployment", async () => {
    const f = await gateFixture(handle.db);
    const request = await f.pendingRequest();
    const people = await approvers(6);
    const results = await settle(
      people.map((actor) => approvePromotion({ db: handle.db, actor, now: NOW }, { id: request.id })),
    );
    // The row lock serializes them: the first two approvals make the quorum and deploy; the
    // four after them find the request deployed and are refused, so exactly two are recorded.
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    for (const error of refusals(results)) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toBe("This request was already deployed.");
    }
    expect(await tally(request.id)).toEqual({
      status: "deployed",
      deployments: 1,
      decisions: 2,
      audit: { "promotion.approve": 2, "promotion.deploy": 1 },
      deploymentEvents: 1,
    });
  });

  it("fifty approvals and a rejection at once end in exactly one terminal state", async () => {
    const f = await gateFixture(handle.db);
    const request = await f.pendingRequest();
    const people = await approvers(50);
    const ctx = (actor: Actor) => ({ db: handle.db, actor, now: NOW });
    const rejecter = people.pop()!;
    const calls: Promise<unknown>[] = people.map((actor) => approvePromotion(ctx(actor), { id: request.id }));
    calls.splice(25, 0, rejectPromotion(ctx(rejecter), { id: request.id, comment: "not today" }));
    const results = await settle<unknown>(calls);
    const accepted = results.filter((r) => r.status === "fulfilled").length;
    for (const error of refusals(results)) expect((error as AppError).code).toBe("conflict");

    const after = await tally(request.id);
    // Every accepted call is one decision row and one audit event, and nothing else moved.
    expect(after.decisions).toBe(accepted);
    if (after.status === "deployed") {
      expect(after).toMatchObject({ deployments: 1, decisions: 2, deploymentEvents: 1 });
      expect(after.audit).toEqual({ "promotion.approve": 2, "promotion.deploy": 1 });
    } else {
      expect(after.status).toBe("rejected");
      expect(after.deployments).toBe(0);
      expect(after.audit["promotion.reject"]).toBe(1);
      expect(after.audit["promotion.deploy"]).toBeUndefined();
      expect(after.audit["promotion.approve"] ?? 0).toBeLessThanOrEqual(1);
    }
  });

  it("the same approver twice at once: one approval row", async () => {
    const f = await gateFixture(handle.db);
    const request = await f.pendingRequest();
    const [approver] = await approvers(1);
    const results = await settle(
      [0, 1].map(() => approvePromotion({ db: handle.db, actor: approver!, now: NOW }, { id: request.id })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(refusals(results).map((e) => (e as AppError).message)).toEqual(["You already approved."]);
    expect(await tally(request.id)).toMatchObject({ status: "pending", decisions: 1, deployments: 0 });
  });
});
