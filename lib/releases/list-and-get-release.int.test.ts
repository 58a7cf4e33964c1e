import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle, Transaction } from "@/lib/db/client";
import { releaseModelVersions } from "@/lib/db/schema";
import {
  allPages,
  expectAppError,
  inRollback,
  insertDeployment,
  insertEnvironment,
  insertModel,
  insertModelVersion,
  insertPipeline,
  insertProject,
  insertPromotionRequest,
  insertRelease,
  insertRun,
  insertUser,
  minutesAfter,
  testActor,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { getRelease } from "./get-release";
import { listEnvironmentOptions } from "./list-environment-options";
import { listReleases } from "./list-releases";

const T0 = new Date("2026-03-01T10:00:00Z");

/** One project with dev → prod, three releases built on main, v1 in prod and v2 in dev. */
async function world(db: Transaction) {
  const project = await insertProject(db, { slug: "shop", name: "Shop" });
  const other = await insertProject(db, { slug: "bank" });
  const dev = await insertEnvironment(db, project.id, { slug: "dev", name: "Dev", position: 0 });
  const prod = await insertEnvironment(db, project.id, {
    slug: "production",
    name: "Production",
    position: 1,
    isProduction: true,
  });
  const ci = await insertPipeline(db, project.id, { kind: "ci", name: "ci" });
  const build = (sha: string, minutes: number, title: string) =>
    insertRun(db, ci, { commitSha: sha, branch: "main", title, queuedAt: minutesAfter(T0, minutes) });
  const b1 = await build("1111111", 0, "first");
  await build("2222222", 10, "fix checkout");
  const b3 = await build("3333333", 20, "add coupons");
  const model = await insertModel(db, project.id, { name: "ranker", primaryMetric: "auc" });
  const mv = await insertModelVersion(db, model.id, 3, { metrics: { auc: 0.91, loss: 0.2 } });
  const v1 = await insertRelease(db, project.id, {
    version: "v1.0.0",
    commitSha: "1111111",
    buildRunId: b1.id,
    createdAt: minutesAfter(T0, 1),
  });
  const v2 = await insertRelease(db, project.id, {
    version: "v1.1.0",
    commitSha: "3333333",
    buildRunId: b3.id,
    createdAt: minutesAfter(T0, 21),
  });
  const v3 = await insertRelease(db, project.id, { version: "v2.0.0-rc", createdAt: minutesAfter(T0, 30) });
  await insertRelease(db, other.id, { version: "v9.0.0", createdAt: minutesAfter(T0, 40) });
  await db.insert(releaseModelVersions).values({ releaseId: v2.id, modelVersionId: mv.id });
  await insertDeployment(db, prod, { releaseId: v1.id, startedAt: minutesAfter(T0, 5) });
  await insertDeployment(db, dev, { releaseId: v1.id, startedAt: minutesAfter(T0, 2) });
  await insertDeployment(db, dev, { releaseId: v2.id, startedAt: minutesAfter(T0, 25) });
  // A failed attempt does not displace what runs.
  await insertDeployment(db, prod, { releaseId: v2.id, status: "failed", startedAt: minutesAfter(T0, 26) });
  const user = await insertUser(db, { role: "engineer", name: "Erin" });
  const request = await insertPromotionRequest(db, prod, user.id, {
    releaseId: v2.id,
    createdAt: minutesAfter(T0, 27),
  });
  return { project, other, dev, prod, v1, v2, v3, mv, model, b3, request };
}

describeEachDatabase("listReleases and getRelease", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());

  it("lists a project's releases newest first, page by page, with where each runs now", () =>
    inRollback(handle.db, async (db) => {
      const w = await world(db);
      const ctx = { db, actor: testActor("viewer") };
      const pages = await allPages((cursor) =>
        listReleases(ctx, { projectIds: [w.project.id], limit: 2, cursor }),
      );
      expect(pages.map((p) => p.map((r) => r.version))).toEqual([["v2.0.0-rc", "v1.1.0"], ["v1.0.0"]]);
      const [, v2, v1] = pages.flat();
      expect(v2).toMatchObject({ projectSlug: "shop", modelVersionCount: 1, commitSha: "3333333" });
      expect(v2!.deployedIn.map((d) => d.environmentSlug)).toEqual(["dev"]);
      expect(v1!.deployedIn.map((d) => d.environmentSlug)).toEqual(["production"]);

      const inProd = await listReleases(ctx, { projectIds: null, environment: "production" });
      expect(inProd.items.map((r) => r.version)).toEqual(["v1.0.0"]);
      const search = await listReleases(ctx, { projectIds: null, q: "v1." });
      expect(search.items.map((r) => r.version)).toEqual(["v1.1.0", "v1.0.0"]);
      // A token limited to another project sees none of these, whatever it asks for.
      const limited = await listReleases(
        { db, actor: testActor("viewer", [w.other.id]) },
        { projectIds: [w.project.id] },
      );
      expect(limited.items).toEqual([]);
      await expectAppError(listReleases(ctx, { projectIds: null, cursor: "junk" }), "invalid_request");
      // The "Runs now in" filter offers each environment slug once, in promotion order.
      expect(await listEnvironmentOptions(ctx, { projectIds: [w.project.id] })).toEqual([
        { value: "dev", label: "Dev" },
        { value: "production", label: "Production" },
      ]);
    }));

  it("shows a release's contents, deployments per environment, requests and commits since production", () =>
    inRollback(handle.db, async (db) => {
      const w = await world(db);
      const detail = await getRelease({ db, actor: testActor("viewer") }, { id: w.v2.id });
      expect(detail).toMatchObject({
        version: "v1.1.0",
        projectSlug: "shop",
        buildRun: { id: w.b3.id, pipelineName: "ci", branch: "main" },
        modelVersions: [
          {
            id: w.mv.id,
            modelId: w.model.id,
            modelName: "ranker",
            version: 3,
            primaryMetric: "auc",
            primaryMetricValue: 0.91,
          },
        ],
        production: { environmentId: w.prod.id, releaseId: w.v1.id, version: "v1.0.0", isNewer: false },
        promotionRequests: [
          { id: w.request.id, environmentName: "Production", status: "pending", requestedBy: "Erin" },
        ],
      });
      expect(detail.environments.map((e) => [e.slug, e.runsHere, e.current?.version])).toEqual([
        ["dev", true, "v1.1.0"],
        ["production", false, "v1.0.0"],
      ]);
      expect(detail.environments[1]!.deployments.map((d) => d.status)).toEqual(["failed"]);
      expect(detail.commitsSinceProduction?.commits.map((c) => c.sha)).toEqual(["3333333", "2222222"]);

      // What runs in production has nothing to add to itself.
      const v1 = await getRelease({ db, actor: testActor("viewer") }, { id: w.v1.id });
      expect(v1.commitsSinceProduction).toBeNull();
      expect(v1.production?.isNewer).toBe(false);
      // An older release would take production back.
      const old = await insertRelease(db, w.project.id, {
        version: "v0.9.0",
        createdAt: minutesAfter(T0, -60),
      });
      const back = await getRelease({ db, actor: testActor("viewer") }, { id: old.id });
      expect(back.production).toMatchObject({ version: "v1.0.0", isNewer: true });
      expect(v1.environments.map((e) => e.runsHere)).toEqual([false, true]);
      const bare = await getRelease({ db, actor: testActor("viewer") }, { id: w.v3.id });
      expect(bare).toMatchObject({
        buildRun: null,
        modelVersions: [],
        promotionRequests: [],
        commitsSinceProduction: null,
      });
    }));

  it("answers 404 for unknown, malformed and other-project ids", () =>
    inRollback(handle.db, async (db) => {
      const w = await world(db);
      await expectAppError(
        getRelease({ db, actor: testActor("viewer", [w.other.id]) }, { id: w.v2.id }),
        "not_found",
      );
      await expectAppError(getRelease({ db, actor: testActor("viewer") }, { id: "not-a-uuid" }), "not_found");
      await expectAppError(
        getRelease({ db, actor: testActor("viewer") }, { id: "00000000-0000-4000-8000-000000000000" }),
        "not_found",
      );
    }));
});
