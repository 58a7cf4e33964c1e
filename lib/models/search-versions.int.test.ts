import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import {
  allPages,
  expectAppError,
  inRollback,
  insertModel,
  insertModelVersion,
  insertProject,
  minutesAfter,
  setModelAlias,
  testActor,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import type { SearchVersionsInput } from "./schemas";
import { searchModelVersions } from "./search-versions";

const T0 = new Date("2026-01-05T12:00:00.000Z");

/**
 * shop/ranker v1..v6 (v3 and v4 created at the same instant), one with a text metric;
 * bank/scorer v1. Metrics: auc rises 0.80..0.95, latency falls.
 */
async function seed(db: Executor) {
  const shop = await insertProject(db, { slug: "shop" });
  const bank = await insertProject(db, { slug: "bank" });
  const ranker = await insertModel(db, shop.id, { name: "ranker" });
  const scorer = await insertModel(db, bank.id, { name: "scorer" });
  const specs = [
    { auc: 0.8, latency_p95_ms: 80, team: "search", minutes: 1 },
    { auc: 0.85, latency_p95_ms: 60, team: "search", minutes: 2 },
    { auc: 0.9, latency_p95_ms: 50, team: "ads", minutes: 3 },
    { auc: 0.92, latency_p95_ms: 45, team: "search", minutes: 3 },
    { auc: 0.95, latency_p95_ms: 70, team: "search", minutes: 5 },
  ];
  const versions = [];
  for (const [i, spec] of specs.entries()) {
    versions.push(
      await insertModelVersion(db, ranker.id, i + 1, {
        metrics: { auc: spec.auc, latency_p95_ms: spec.latency_p95_ms },
        tags: { team: spec.team, stage: "env:ci" },
        createdAt: minutesAfter(T0, spec.minutes),
      }),
    );
  }
  // Logged as text by some client: never matches a threshold, never breaks the query.
  versions.push(
    await insertModelVersion(db, ranker.id, 6, {
      metrics: { auc: "n/a" as unknown as number },
      tags: { team: "search" },
      createdAt: minutesAfter(T0, 6),
    }),
  );
  const scorerV1 = await insertModelVersion(db, scorer.id, 1, {
    metrics: { auc: 0.99 },
    tags: { team: "search" },
    createdAt: minutesAfter(T0, 7),
  });
  await setModelAlias(db, ranker.id, "champion", versions[3]!.id);
  await setModelAlias(db, scorer.id, "champion", scorerV1.id);
  return { shop, bank, ranker, scorer, versions, scorerV1 };
}

describeEachDatabase("searchModelVersions", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());
  const viewer = testActor("viewer");

  const numbers = (page: { items: { modelName: string; version: number }[] }) =>
    page.items.map((v) => `${v.modelName}:${v.version}`);

  it("lists a model's versions newest first, with aliases", () =>
    inRollback(handle.db, async (db) => {
      const s = await seed(db);
      const page = await searchModelVersions({ db, actor: viewer }, { model: s.ranker.id });
      // v3 and v4 share a creation time: the id breaks the tie.
      const [v3, v4] = [s.versions[2]!, s.versions[3]!];
      const tied = v3.id > v4.id ? ["ranker:3", "ranker:4"] : ["ranker:4", "ranker:3"];
      expect(numbers(page)).toEqual(["ranker:6", "ranker:5", ...tied, "ranker:2", "ranker:1"]);
      expect(page.items.find((v) => v.version === 4)).toMatchObject({
        aliases: ["champion"],
        projectSlug: "shop",
      });
      expect(page.nextCursor).toBeNull();
    }));

  it("filters by tag, alias and metric thresholds, all at once", () =>
    inRollback(handle.db, async (db) => {
      const s = await seed(db);
      const ctx = { db, actor: viewer };
      const model = s.ranker.id;
      expect(numbers(await searchModelVersions(ctx, { model, tag: ["team:ads"] }))).toEqual(["ranker:3"]);
      // The value may itself hold a colon: split at the first one.
      expect(numbers(await searchModelVersions(ctx, { model, tag: ["stage:env:ci", "team:ads"] }))).toEqual([
        "ranker:3",
      ]);
      expect(numbers(await searchModelVersions(ctx, { model, alias: "champion" }))).toEqual(["ranker:4"]);
      expect(numbers(await searchModelVersions(ctx, { alias: "champion" }))).toEqual([
        "scorer:1",
        "ranker:4",
      ]);
      const atLeast = numbers(await searchModelVersions(ctx, { model, metric: ["auc>=0.9"] }));
      expect(atLeast.sort()).toEqual(["ranker:3", "ranker:4", "ranker:5"]);
      const between = numbers(await searchModelVersions(ctx, { model, metric: ["auc>=0.9", "auc<0.95"] }));
      expect(between.sort()).toEqual(["ranker:3", "ranker:4"]);
      expect(
        numbers(await searchModelVersions(ctx, { model, metric: ["auc>0.9", "latency_p95_ms<=50"] })),
      ).toEqual(["ranker:4"]);
      expect(numbers(await searchModelVersions(ctx, { model, metric: ["auc<0.85"] }))).toEqual(["ranker:1"]);
      expect(
        numbers(
          await searchModelVersions(ctx, { model, tag: ["team:search"], metric: ["latency_p95_ms<1e2"] }),
        ),
      ).toEqual(["ranker:5", "ranker:4", "ranker:2", "ranker:1"]);
      expect(numbers(await searchModelVersions(ctx, { metric: ["auc>=0.95"] }))).toEqual([
        "scorer:1",
        "ranker:5",
      ]);
      expect(numbers(await searchModelVersions(ctx, { project: "bank" }))).toEqual(["scorer:1"]);
      // Keys are bound parameters; an unknown key simply matches nothing.
      expect((await searchModelVersions(ctx, { metric: ["no_such_metric<1"] })).items).toEqual([]);
    }));

  it("pages with the cursor across equal creation times, with no duplicates or gaps", () =>
    inRollback(handle.db, async (db) => {
      const s = await seed(db);
      const ctx = { db, actor: viewer };
      const everything = (await searchModelVersions(ctx, { model: s.ranker.id })).items.map((v) => v.id);
      expect(everything).toHaveLength(6);
      for (const limit of [1, 2, 4]) {
        const pages = await allPages((cursor) =>
          searchModelVersions(ctx, { model: s.ranker.id, tag: [], limit, cursor }),
        );
        expect(pages).toHaveLength(Math.ceil(everything.length / limit));
        expect(pages.flat().map((v) => v.id)).toEqual(everything);
      }
      const filtered = await allPages((cursor) =>
        searchModelVersions(ctx, { metric: ["auc>=0.85"], limit: 2, cursor }),
      );
      const direct = await searchModelVersions(ctx, { metric: ["auc>=0.85"] });
      expect(filtered.map((p) => p.length)).toEqual([2, 2, 1]);
      expect(filtered.flat().map((v) => v.id)).toEqual(direct.items.map((v) => v.id));
      expect(numbers(direct).sort()).toEqual(["ranker:2", "ranker:3", "ranker:4", "ranker:5", "scorer:1"]);
    }));

  it("rejects malformed filters with 400 naming the parameter", () =>
    inRollback(handle.db, async (db) => {
      const s = await seed(db);
      const ctx = { db, actor: viewer };
      const model = s.ranker.id;
      const cases: [SearchVersionsInput, string][] = [
        [{ metric: ["auc=0.9"] }, "metric.0"],
        [{ metric: ["auc>=abc"] }, "metric.0"],
        [{ metric: ["auc>="] }, "metric.0"],
        [{ metric: ["bad key>=1"] }, "metric.0"],
        [{ metric: ["a'--<1"] }, "metric.0"],
        [{ metric: ["a>1", "b>1", "c>1", "d>1", "e>1", "f>1"] }, "metric"],
        [{ tag: ["no-colon"] }, "tag.0"],
        [{ alias: "Champion" }, "alias"],
        [{ limit: 0 }, "limit"],
      ];
      for (const [input, path] of cases) {
        const error = await expectAppError(searchModelVersions(ctx, { model, ...input }), "invalid_request");
        expect(error.details).toMatchObject({ fields: [{ path }] });
      }
      const huge = await expectAppError(
        searchModelVersions(ctx, { metric: ["auc<1e999"] }),
        "invalid_request",
      );
      expect(huge.details).toMatchObject({ fields: [{ path: "metric" }] });
      await expectAppError(searchModelVersions(ctx, { cursor: "garbage" }), "invalid_request");
    }));

  it("stays inside the actor's projects", () =>
    inRollback(handle.db, async (db) => {
      const s = await seed(db);
      const bankOnly = testActor("viewer", [s.bank.id]);
      expect(numbers(await searchModelVersions({ db, actor: bankOnly }, {}))).toEqual(["scorer:1"]);
      await expectAppError(searchModelVersions({ db, actor: bankOnly }, { model: s.ranker.id }), "not_found");
      await expectAppError(searchModelVersions({ db, actor: bankOnly }, { project: "shop" }), "not_found");
      const noScope = { ...viewer, permissions: new Set<never>() };
      await expectAppError(searchModelVersions({ db, actor: noScope }, {}), "forbidden");
    }));
});
