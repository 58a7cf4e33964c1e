import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import {
  allPages,
  expectAppError,
  inRollback,
  insertDeployment,
  insertEnvironment,
  insertModel,
  insertModelVersion,
  insertProject,
  insertRelease,
  insertUser,
  minutesAfter,
  testActor,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { listDeployments } from "./list-deployments";

const T0 = new Date("2025-03-01T12:00:00.000Z");

/** Two projects; shop has staging and production, bank only production. Six deployments. */
async function seed(db: Executor) {
  const shop = await insertProject(db, { slug: "shop", name: "Shop" });
  const bank = await insertProject(db, { slug: "bank", name: "Bank" });
  const staging = await insertEnvironment(db, shop.id, { slug: "staging", name: "Staging", position: 1 });
  const prod = await insertEnvironment(db, shop.id, { slug: "production", name: "Production", position: 2 });
  const bankProd = await insertEnvironment(db, bank.id, {
    slug: "production",
    name: "Production",
    position: 1,
  });
  const release = await insertRelease(db, shop.id, { version: "2.4.0" });
  const model = await insertModel(db, shop.id, { name: "ranker" });
  const v3 = await insertModelVersion(db, model.id, 3);
  const bankRelease = await insertRelease(db, bank.id, { version: "9.1.0" });
  const deployer = await insertUser(db, { name: "Dana Deployer" });

  const d = {
    stagingRelease: await insertDeployment(db, staging, {
      releaseId: release.id,
      startedAt: minutesAfter(T0, 0),
      actor: "ci-bot",
    }),
    prodRelease: await insertDeployment(db, prod, {
      releaseId: release.id,
      startedAt: minutesAfter(T0, 10),
      finishedAt: minutesAfter(T0, 12),
      deployedByUserId: deployer.id,
    }),
    prodModel: await insertDeployment(db, prod, {
      modelVersionId: v3.id,
      startedAt: minutesAfter(T0, 20),
      status: "failed",
    }),
    prodRollback: await insertDeployment(db, prod, {
      releaseId: release.id,
      startedAt: minutesAfter(T0, 30),
      isRollback: true,
      actor: "oncall",
    }),
    // Same start time as prodRollback: the id breaks the tie.
    bankA: await insertDeployment(db, bankProd, {
      releaseId: bankRelease.id,
      startedAt: minutesAfter(T0, 30),
    }),
    bankB: await insertDeployment(db, bankProd, {
      releaseId: bankRelease.id,
      startedAt: minutesAfter(T0, 40),
      status: "in_progress",
    }),
  };
  return { shop, bank, d };
}

/** Ids newest first, ties broken by the larger id, as the verb promises. */
function expectedOrder(rows: { id: string; startedAt: Date }[]): string[] {
  return [...rows]
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((r) => r.id);
}

describeEachDatabase("listDeployments", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());
  const viewer = testActor("viewer");

  it("lists newest first with project, environment, label, actor and rollback flag", () =>
    inRollback(handle.db, async (db) => {
      const { d } = await seed(db);
      const page = await listDeployments({ db, actor: viewer }, {});
      expect(page.nextCursor).toBeNull();
      expect(page.items.map((i) => i.id)).toEqual(expectedOrder(Object.values(d)));
      const byId = new Map(page.items.map((i) => [i.id, i]));
      expect(byId.get(d.prodModel.id)).toMatchObject({
        label: "ranker v3",
        status: "failed",
        projectSlug: "shop",
        environmentSlug: "production",
        environmentName: "Production",
        isRollback: false,
      });
      expect(byId.get(d.prodRelease.id)).toMatchObject({ label: "2.4.0", actor: "Dana Deployer" });
      expect(byId.get(d.prodRelease.id)?.finishedAt).toEqual(minutesAfter(T0, 12));
      expect(byId.get(d.prodRollback.id)).toMatchObject({ isRollback: true, actor: "oncall" });
      expect(byId.get(d.stagingRelease.id)?.actor).toBe("ci-bot");
    }));

  it("filters by environment slug, status and project scope", () =>
    inRollback(handle.db, async (db) => {
      const { shop, d } = await seed(db);
      const ctx = { db, actor: viewer };
      const prod = await listDeployments(ctx, { environment: "production" });
      expect(prod.items.map((i) => i.id).sort()).toEqual(
        [d.prodRelease, d.prodModel, d.prodRollback, d.bankA, d.bankB].map((x) => x.id).sort(),
      );
      const failed = await listDeployments(ctx, { status: "failed" });
      expect(failed.items.map((i) => i.id)).toEqual([d.prodModel.id]);
      const shopProd = await listDeployments(ctx, { projectIds: [shop.id], environment: "production" });
      expect(shopProd.items.every((i) => i.projectSlug === "shop")).toBe(true);
      expect(shopProd.items).toHaveLength(3);
      expect((await listDeployments(ctx, { environment: "nowhere" })).items).toEqual([]);
    }));

  it("pages with the cursor across the tie, with no duplicates or gaps", () =>
    inRollback(handle.db, async (db) => {
      const { d } = await seed(db);
      const expected = expectedOrder(Object.values(d));
      for (const limit of [1, 2, 4]) {
        const pages = await allPages((cursor) => listDeployments({ db, actor: viewer }, { limit, cursor }));
        expect(pages).toHaveLength(Math.ceil(expected.length / limit));
        expect(pages.flat().map((i) => i.id)).toEqual(expected);
      }
    }));

  it("shows nothing to an actor limited to another project, even when asked for everything", () =>
    inRollback(handle.db, async (db) => {
      const { shop } = await seed(db);
      const other = await insertProject(db, { slug: "other" });
      const tokenActor = testActor("admin", [other.id]);
      expect((await listDeployments({ db, actor: tokenActor }, {})).items).toEqual([]);
      expect((await listDeployments({ db, actor: tokenActor }, { projectIds: [shop.id] })).items).toEqual([]);
    }));

  it("refuses an actor without deployments:read and rejects bad input with 400", () =>
    inRollback(handle.db, async (db) => {
      const noScope = { ...testActor("viewer", []), permissions: new Set<never>() };
      await expectAppError(listDeployments({ db, actor: noScope }, {}), "forbidden");
      await expectAppError(
        listDeployments({ db, actor: viewer }, { cursor: "not-a-cursor" }),
        "invalid_request",
      );
      await expectAppError(
        listDeployments({ db, actor: viewer }, { status: "exploded" as "failed" }),
        "invalid_request",
      );
    }));
});
