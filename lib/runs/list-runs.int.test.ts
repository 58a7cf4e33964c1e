import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import {
  allPages,
  expectAppError,
  inRollback,
  insertPipeline,
  insertProject,
  insertRun,
  minutesAfter,
  testActor,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { type ListRunsInput, listRuns } from "./list-runs";

const T0 = new Date("2026-03-01T12:00:00.000Z");

/** Two projects, three pipelines of different kinds and providers, runs spread over time. */
async function seed(db: Executor) {
  const shop = await insertProject(db, { slug: "shop", name: "Shop" });
  const bank = await insertProject(db, { slug: "bank", name: "Bank" });
  const ci = await insertPipeline(db, shop.id, { name: "CI", provider: "github", kind: "ci" });
  const train = await insertPipeline(db, shop.id, { name: "Train", provider: "gitlab", kind: "training" });
  const deploy = await insertPipeline(db, bank.id, {
    name: "Deploy",
    provider: "azure_devops",
    kind: "deploy",
  });
  const at = (minutes: number) => minutesAfter(T0, minutes);
  const r = {
    ciMain: await insertRun(db, ci, { branch: "main", actor: "ada", status: "succeeded", queuedAt: at(0) }),
    ciFeature: await insertRun(db, ci, {
      branch: "feat/x",
      actor: "bob",
      status: "failed",
      queuedAt: at(10),
    }),
    // Same instant as ciFeature: the id breaks the tie in the keyset.
    trainMain: await insertRun(db, train, {
      provider: "gitlab",
      branch: "main",
      actor: "ada",
      status: "running",
      queuedAt: at(10),
    }),
    deployMain: await insertRun(db, deploy, {
      provider: "azure_devops",
      branch: "main",
      actor: "ci-bot",
      status: "queued",
      queuedAt: at(30),
    }),
    old: await insertRun(db, ci, {
      branch: "main",
      actor: "ada",
      status: "cancelled",
      queuedAt: at(-60 * 24 * 10),
    }),
  };
  return { shop, bank, ci, train, deploy, r };
}

function newestFirst(rows: { id: string; queuedAt: Date }[]): string[] {
  return [...rows]
    .sort((a, b) => b.queuedAt.getTime() - a.queuedAt.getTime() || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0))
    .map((r) => r.id);
}

describeEachDatabase("listRuns", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());
  const viewer = testActor("viewer");

  it("lists every run newest first, ties by id, with pipeline and project", () =>
    inRollback(handle.db, async (db) => {
      const { r } = await seed(db);
      const page = await listRuns({ db, actor: viewer }, {});
      expect(page.items.map((i) => i.id)).toEqual(newestFirst(Object.values(r)));
      expect(page.items.find((i) => i.id === r.deployMain.id)).toMatchObject({
        pipelineName: "Deploy",
        projectSlug: "bank",
        provider: "azure_devops",
        branch: "main",
        actor: "ci-bot",
      });
    }));

  it("narrows by each filter, and by several at once (AND)", () =>
    inRollback(handle.db, async (db) => {
      const { r, shop, train } = await seed(db);
      const ids = async (input: ListRunsInput) =>
        (await listRuns({ db, actor: viewer }, input)).items.map((i) => i.id).sort();
      const sorted = (...rows: { id: string }[]) => rows.map((x) => x.id).sort();
      expect(await ids({ projectIds: [shop.id] })).toEqual(sorted(r.ciMain, r.ciFeature, r.trainMain, r.old));
      expect(await ids({ provider: "gitlab" })).toEqual(sorted(r.trainMain));
      expect(await ids({ pipeline: train.id })).toEqual(sorted(r.trainMain));
      expect(await ids({ branch: "feat/x" })).toEqual(sorted(r.ciFeature));
      expect(await ids({ status: "queued" })).toEqual(sorted(r.deployMain));
      expect(await ids({ kind: "deploy" })).toEqual(sorted(r.deployMain));
      expect(await ids({ kind: "ci" })).toEqual(sorted(r.ciMain, r.ciFeature, r.old));
      expect(await ids({ actor: "ada" })).toEqual(sorted(r.ciMain, r.trainMain, r.old));
      expect(await ids({ since: minutesAfter(T0, -60) })).toEqual(
        sorted(r.ciMain, r.ciFeature, r.trainMain, r.deployMain),
      );
      expect(await ids({ branch: "main", actor: "ada", since: minutesAfter(T0, -60) })).toEqual(
        sorted(r.ciMain, r.trainMain),
      );
      expect(await ids({ branch: "no-such-branch" })).toEqual([]);
      await expectAppError(listRuns({ db, actor: viewer }, { pipeline: "not-a-uuid" }), "invalid_request");
      await expectAppError(
        listRuns({ db, actor: viewer }, { kind: "nightly" as unknown as "ci" }),
        "invalid_request",
      );
    }));

  it("pages with the cursor across a tie, with no run repeated or skipped", () =>
    inRollback(handle.db, async (db) => {
      const { r } = await seed(db);
      const ctx = { db, actor: viewer };
      for (const limit of [1, 2, 3]) {
        const pages = await allPages((cursor) => listRuns(ctx, { limit, cursor }));
        const ids = pages.flat().map((i) => i.id);
        expect(ids).toEqual(newestFirst(Object.values(r)));
        expect(new Set(ids).size).toBe(ids.length);
        expect(pages.every((p) => p.length <= limit)).toBe(true);
      }
      // Filters and the cursor combine.
      const pages = await allPages((cursor) => listRuns(ctx, { limit: 1, branch: "main", cursor }));
      expect(pages.flat().map((i) => i.id)).toEqual(
        newestFirst([r.ciMain, r.trainMain, r.deployMain, r.old]),
      );
      await expectAppError(listRuns(ctx, { cursor: "garbage" }), "invalid_request");
    }));

  it("keeps a project-limited actor inside its projects whatever it asks for", () =>
    inRollback(handle.db, async (db) => {
      const { r, shop, bank } = await seed(db);
      const shopOnly = testActor("viewer", [shop.id]);
      const all = await listRuns({ db, actor: shopOnly }, {});
      expect(all.items.map((i) => i.id).sort()).toEqual(
        [r.ciMain, r.ciFeature, r.trainMain, r.old].map((x) => x.id).sort(),
      );
      expect((await listRuns({ db, actor: shopOnly }, { projectIds: [bank.id] })).items).toEqual([]);
      expect((await listRuns({ db, actor: shopOnly }, { kind: "deploy" })).items).toEqual([]);
    }));

  it("needs runs:read", () =>
    inRollback(handle.db, async (db) => {
      const noRuns = { ...testActor("viewer"), permissions: new Set<never>() };
      await expectAppError(listRuns({ db, actor: noRuns }, {}), "forbidden");
    }));
});
