import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import { encodeCursor } from "@/lib/db/keyset";
import {
  actorWithRole,
  allPages,
  expectAppError,
  inRollback,
  insertAuditEvent,
  insertProject,
  minutesAfter,
  testActor,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { listAuditEvents } from "./list-audit-events";

const T0 = new Date("2025-03-01T12:00:00.000Z");

/** Six events over two projects and none; two share a timestamp. */
async function seed(db: Executor) {
  const shop = await insertProject(db, { slug: "shop", name: "Shop" });
  const bank = await insertProject(db, { slug: "bank", name: "Bank" });
  const at = (minutes: number) => minutesAfter(T0, minutes);
  const e = {
    request: await insertAuditEvent(db, {
      action: "promotion.request",
      actorLabel: "eng@tandem.local",
      targetType: "promotion_request",
      projectId: shop.id,
      data: { summary: "2.4.0 to production" },
      createdAt: at(0),
    }),
    approve: await insertAuditEvent(db, {
      action: "promotion.approve",
      actorLabel: "Approver@Tandem.local",
      targetType: "promotion_request",
      projectId: shop.id,
      createdAt: at(10),
    }),
    deploy: await insertAuditEvent(db, {
      action: "deployment.create",
      actorLabel: "system (gates)",
      targetType: "deployment",
      projectId: shop.id,
      createdAt: at(10),
    }),
    bankDeploy: await insertAuditEvent(db, {
      action: "deployment.create",
      actorLabel: "ci@bank (API token)",
      targetType: "deployment",
      projectId: bank.id,
      createdAt: at(20),
    }),
    userUpdate: await insertAuditEvent(db, {
      action: "user.update",
      actorLabel: "admin@tandem.local",
      targetType: "user",
      createdAt: at(30),
    }),
    // Guards LIKE escaping: "user_" must not match "userXupdate".
    oddAction: await insertAuditEvent(db, {
      action: "userXupdate",
      actorLabel: "100%_admin",
      targetType: "user",
      createdAt: at(40),
    }),
  };
  return { shop, bank, e };
}

function newestFirst(rows: { id: number; createdAt: Date }[]): number[] {
  return [...rows]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)
    .map((r) => r.id);
}

describeEachDatabase("listAuditEvents", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());
  const admin = testActor("admin");

  it("lists every event newest first, ties by id, with project names", () =>
    inRollback(handle.db, async (db) => {
      const { e } = await seed(db);
      const page = await listAuditEvents({ db, actor: admin });
      expect(page.items.map((i) => i.id)).toEqual(newestFirst(Object.values(e)));
      expect(page.items.find((i) => i.id === e.request.id)).toMatchObject({
        action: "promotion.request",
        actorLabel: "eng@tandem.local",
        targetType: "promotion_request",
        projectSlug: "shop",
        projectName: "Shop",
        data: { summary: "2.4.0 to production" },
        createdAt: T0,
      });
      expect(page.items.find((i) => i.id === e.userUpdate.id)).toMatchObject({
        projectSlug: null,
        projectName: null,
      });
    }));

  it("filters by action prefix and actor text, literally and in any case", () =>
    inRollback(handle.db, async (db) => {
      const { e } = await seed(db);
      const ctx = { db, actor: admin };
      const ids = async (input: Parameters<typeof listAuditEvents>[1]) =>
        (await listAuditEvents(ctx, input)).items.map((i) => i.id);
      expect(await ids({ action: "promotion" })).toEqual([e.approve.id, e.request.id]);
      expect(await ids({ action: "promotion.approve" })).toEqual([e.approve.id]);
      expect(await ids({ action: "user_" })).toEqual([]);
      expect(await ids({ action: "user" })).toEqual([e.oddAction.id, e.userUpdate.id]);
      expect(await ids({ actor: "approver@tandem" })).toEqual([e.approve.id]);
      expect(await ids({ actor: "%_" })).toEqual([e.oddAction.id]);
      expect(await ids({ action: "deployment", actor: "system" })).toEqual([e.deploy.id]);
    }));

  it("filters by target type and a time range (from inclusive, to exclusive)", () =>
    inRollback(handle.db, async (db) => {
      const { e } = await seed(db);
      const ctx = { db, actor: admin };
      const ids = async (input: Parameters<typeof listAuditEvents>[1]) =>
        (await listAuditEvents(ctx, input)).items.map((i) => i.id);
      expect(await ids({ targetType: "deployment" })).toEqual([e.bankDeploy.id, e.deploy.id]);
      expect(await ids({ from: minutesAfter(T0, 10), to: minutesAfter(T0, 30) })).toEqual(
        newestFirst([e.bankDeploy, e.approve, e.deploy]),
      );
      expect(await ids({ targetType: "promotion_request", to: minutesAfter(T0, 10) })).toEqual([
        e.request.id,
      ]);
      await expectAppError(listAuditEvents(ctx, { targetType: "Robert'); drop" }), "invalid_request");
      await expectAppError(
        listAuditEvents(ctx, { from: "yesterday-ish" as unknown as Date }),
        "invalid_request",
      );
    }));

  it("pages with the cursor across the tie, with no duplicates or gaps", () =>
    inRollback(handle.db, async (db) => {
      const { e } = await seed(db);
      const expected = newestFirst(Object.values(e));
      for (const limit of [1, 2, 4]) {
        const pages = await allPages((cursor) => listAuditEvents({ db, actor: admin }, { limit, cursor }));
        expect(pages).toHaveLength(Math.ceil(expected.length / limit));
        expect(pages.flat().map((i) => i.id)).toEqual(expected);
      }
    }));

  it("keeps only the scoped projects' events, and nothing for an actor limited to another project", () =>
    inRollback(handle.db, async (db) => {
      const { shop, bank, e } = await seed(db);
      const bankOnly = await listAuditEvents({ db, actor: admin }, { projectIds: [bank.id] });
      expect(bankOnly.items.map((i) => i.id)).toEqual([e.bankDeploy.id]);
      const other = await insertProject(db);
      const tokenActor = testActor("admin", [other.id]);
      expect((await listAuditEvents({ db, actor: tokenActor })).items).toEqual([]);
      expect((await listAuditEvents({ db, actor: tokenActor }, { projectIds: [shop.id] })).items).toEqual([]);
    }));

  it("refuses everyone but admins with 403", () =>
    inRollback(handle.db, async (db) => {
      await seed(db);
      for (const role of ["viewer", "engineer", "approver"] as const) {
        const actor = await actorWithRole(db, role);
        const error = await expectAppError(listAuditEvents({ db, actor }), "forbidden");
        expect(error.status).toBe(403);
      }
      const realAdmin = await actorWithRole(db, "admin");
      expect((await listAuditEvents({ db, actor: realAdmin })).items.length).toBeGreaterThan(0);
    }));

  it("rejects a cursor that is not one of ours with 400", () =>
    inRollback(handle.db, async (db) => {
      const foreign = encodeCursor({ at: T0, id: "00000000-0000-0000-0000-000000000000" });
      await expectAppError(listAuditEvents({ db, actor: admin }, { cursor: foreign }), "invalid_request");
      await expectAppError(listAuditEvents({ db, actor: admin }, { cursor: "zzz" }), "invalid_request");
    }));
});
