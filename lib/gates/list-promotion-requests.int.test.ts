import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import {
  allPages,
  expectAppError,
  inRollback,
  insertApproval,
  insertEnvironment,
  insertGatePolicy,
  insertModel,
  insertModelVersion,
  insertProject,
  insertPromotionRequest,
  insertRelease,
  insertUser,
  minutesAfter,
  testActor,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { listPromotionRequests } from "./list-promotion-requests";

const NOW = new Date("2025-03-02T12:00:00.000Z");
const T0 = minutesAfter(NOW, -600);

/** Production needs two approvals; staging has no policy (so one). */
async function seed(db: Executor) {
  const shop = await insertProject(db, { slug: "shop", name: "Shop" });
  const bank = await insertProject(db, { slug: "bank", name: "Bank" });
  const staging = await insertEnvironment(db, shop.id, { slug: "staging", name: "Staging", position: 1 });
  const prod = await insertEnvironment(db, shop.id, {
    slug: "production",
    name: "Production",
    position: 2,
    isProduction: true,
  });
  const bankProd = await insertEnvironment(db, bank.id, {
    slug: "production",
    name: "Production",
    position: 1,
  });
  await insertGatePolicy(db, prod.id, { requiredApprovals: 2 });
  const release = await insertRelease(db, shop.id, { version: "2.4.0" });
  const model = await insertModel(db, shop.id, { name: "ranker" });
  const v7 = await insertModelVersion(db, model.id, 7);
  const bankRelease = await insertRelease(db, bank.id, { version: "9.1.0" });
  const requester = await insertUser(db, { name: "Rita Requester" });
  const approverA = await insertUser(db, { role: "approver" });
  const approverB = await insertUser(db, { role: "approver" });
  const later = minutesAfter(NOW, 600);

  const r = {
    prodRelease: await insertPromotionRequest(db, prod, requester.id, {
      releaseId: release.id,
      reason: "fixes checkout",
      createdAt: minutesAfter(T0, 0),
      expiresAt: later,
    }),
    stagingModel: await insertPromotionRequest(db, staging, requester.id, {
      modelVersionId: v7.id,
      createdAt: minutesAfter(T0, 10),
      expiresAt: later,
      emergency: true,
    }),
    // Same creation time as stagingModel: the id breaks the tie.
    bank: await insertPromotionRequest(db, bankProd, requester.id, {
      releaseId: bankRelease.id,
      createdAt: minutesAfter(T0, 10),
      expiresAt: later,
    }),
    // Past its expiry but not yet moved by the expiry job: not actionable, so not listed as pending.
    lapsed: await insertPromotionRequest(db, prod, requester.id, {
      releaseId: release.id,
      createdAt: minutesAfter(T0, 20),
      expiresAt: minutesAfter(NOW, -1),
    }),
    approved: await insertPromotionRequest(db, prod, requester.id, {
      releaseId: release.id,
      status: "approved",
      createdAt: minutesAfter(T0, 30),
      expiresAt: later,
    }),
  };
  await insertApproval(db, r.prodRelease.id, approverA.id);
  await insertApproval(db, r.prodRelease.id, approverB.id, { decision: "reject" });
  return { shop, bank, r };
}

function newestFirst(rows: { id: string; createdAt: Date }[]): string[] {
  return [...rows]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((x) => x.id);
}

describeEachDatabase("listPromotionRequests", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());
  const viewer = testActor("viewer");

  it("lists pending, unexpired requests newest first with approvals so far and required", () =>
    inRollback(handle.db, async (db) => {
      const { r } = await seed(db);
      const page = await listPromotionRequests({ db, actor: viewer, now: NOW });
      expect(page.items.map((i) => i.id)).toEqual(newestFirst([r.prodRelease, r.stagingModel, r.bank]));
      const prod = page.items.find((i) => i.id === r.prodRelease.id);
      expect(prod).toMatchObject({
        projectSlug: "shop",
        environmentName: "Production",
        isProduction: true,
        label: "2.4.0",
        requestedBy: "Rita Requester",
        reason: "fixes checkout",
        status: "pending",
        approvals: 1,
        requiredApprovals: 2,
      });
      expect(prod?.expiresAt).toEqual(minutesAfter(NOW, 600));
      expect(page.items.find((i) => i.id === r.stagingModel.id)).toMatchObject({
        label: "ranker v7",
        emergency: true,
        approvals: 0,
        requiredApprovals: 1,
      });
    }));

  it("treats expiry against the context's clock and filters by other statuses", () =>
    inRollback(handle.db, async (db) => {
      const { r } = await seed(db);
      const earlier = await listPromotionRequests({ db, actor: viewer, now: minutesAfter(NOW, -2) });
      expect(earlier.items.map((i) => i.id)).toContain(r.lapsed.id);
      const approved = await listPromotionRequests({ db, actor: viewer, now: NOW }, { status: "approved" });
      expect(approved.items.map((i) => i.id)).toEqual([r.approved.id]);
      expect(
        (await listPromotionRequests({ db, actor: viewer, now: NOW }, { status: "rejected" })).items,
      ).toEqual([]);
    }));

  it("pages with the cursor across the tie, with no duplicates or gaps", () =>
    inRollback(handle.db, async (db) => {
      const { r } = await seed(db);
      const expected = newestFirst([r.prodRelease, r.stagingModel, r.bank]);
      for (const limit of [1, 2]) {
        const pages = await allPages((cursor) =>
          listPromotionRequests({ db, actor: viewer, now: NOW }, { limit, cursor }),
        );
        expect(pages).toHaveLength(Math.ceil(expected.length / limit));
        expect(pages.flat().map((i) => i.id)).toEqual(expected);
      }
    }));

  it("scopes to projects, and shows nothing to an actor limited to another project", () =>
    inRollback(handle.db, async (db) => {
      const { bank, shop, r } = await seed(db);
      const bankOnly = await listPromotionRequests(
        { db, actor: viewer, now: NOW },
        { projectIds: [bank.id] },
      );
      expect(bankOnly.items.map((i) => i.id)).toEqual([r.bank.id]);
      const other = await insertProject(db);
      const tokenActor = testActor("approver", [other.id]);
      expect((await listPromotionRequests({ db, actor: tokenActor, now: NOW })).items).toEqual([]);
      const asked = await listPromotionRequests(
        { db, actor: tokenActor, now: NOW },
        { projectIds: [shop.id] },
      );
      expect(asked.items).toEqual([]);
    }));

  it("refuses an actor without promotions:read and rejects bad input with 400", () =>
    inRollback(handle.db, async (db) => {
      const noScope = { ...testActor("viewer", []), permissions: new Set<never>() };
      await expectAppError(listPromotionRequests({ db, actor: noScope }), "forbidden");
      await expectAppError(
        listPromotionRequests({ db, actor: viewer }, { cursor: "abc" }),
        "invalid_request",
      );
      await expectAppError(
        listPromotionRequests({ db, actor: viewer }, { status: "maybe" as "pending" }),
        "invalid_request",
      );
    }));
});
