import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { auditEvents, releaseModelVersions, releases } from "@/lib/db/schema";
import {
  actorWithRole,
  expectAppError,
  inRollback,
  insertModel,
  insertModelVersion,
  insertPipeline,
  insertProject,
  insertRun,
  testActor,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { createRelease } from "./create-release";

describeEachDatabase("createRelease", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());

  it("records a build and model versions, audited; the same body again is the same release, another is 409", () =>
    inRollback(handle.db, async (db) => {
      const engineer = await actorWithRole(db, "engineer");
      const project = await insertProject(db, { slug: "shop" });
      const ci = await insertPipeline(db, project.id, {
        provider: "github",
        externalId: "ci.yml",
        kind: "ci",
      });
      const run = await insertRun(db, ci, {
        provider: "github",
        externalId: "9001",
        commitSha: "abc1234def",
      });
      const model = await insertModel(db, project.id, { name: "ranker" });
      const v1 = await insertModelVersion(db, model.id, 1);
      const v2 = await insertModelVersion(db, model.id, 2);
      const ctx = { db, actor: engineer };
      const body = {
        project: "shop",
        version: "v1.2.0",
        artifactUri: "ghcr.io/acme/shop:v1.2.0",
        buildRun: { provider: "github" as const, externalId: "9001" },
        modelVersionIds: [v2.id, v1.id],
      };
      const first = await createRelease(ctx, body);
      expect(first.created).toBe(true);
      expect(first.release).toMatchObject({
        projectId: project.id,
        projectSlug: "shop",
        version: "v1.2.0",
        // The build run names the commit when the caller does not.
        commitSha: "abc1234def",
        buildRunId: run.id,
        createdBy: engineer.email,
      });
      expect(first.release.modelVersionIds).toEqual([v1.id, v2.id].sort());

      // Same contents, order of versions and project form aside: the same release, nothing written.
      const again = await createRelease(ctx, {
        ...body,
        project: undefined,
        projectId: project.id,
        buildRun: undefined,
        buildRunId: run.id,
        modelVersionIds: [v1.id, v2.id, v1.id],
      });
      expect(again).toMatchObject({ created: false, release: { id: first.release.id } });

      const conflict = await expectAppError(
        createRelease(ctx, { ...body, modelVersionIds: [v1.id] }),
        "conflict",
      );
      expect(conflict.details).toMatchObject({ field: "version", releaseId: first.release.id });
      await expectAppError(
        createRelease(ctx, { ...body, artifactUri: "ghcr.io/acme/shop:other" }),
        "conflict",
      );

      expect(await db.select().from(releases).where(eq(releases.projectId, project.id))).toHaveLength(1);
      expect(
        await db
          .select()
          .from(releaseModelVersions)
          .where(eq(releaseModelVersions.releaseId, first.release.id)),
      ).toHaveLength(2);
      const audits = await db
        .select({ data: auditEvents.data, targetId: auditEvents.targetId })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "release.create"), eq(auditEvents.projectId, project.id)));
      expect(audits).toEqual([
        {
          targetId: first.release.id,
          data: expect.objectContaining({ version: "v1.2.0", project: "shop", buildRunId: run.id }),
        },
      ]);
    }));

  it("refuses bad input with 400 naming the field and stores nothing", () =>
    inRollback(handle.db, async (db) => {
      const engineer = await actorWithRole(db, "engineer");
      const project = await insertProject(db, { slug: "shop" });
      const other = await insertProject(db, { slug: "bank" });
      const stranger = await insertModelVersion(db, (await insertModel(db, other.id)).id, 1);
      const ctx = { db, actor: engineer };
      const fieldsOf = async (input: Parameters<typeof createRelease>[1]) => {
        const error = await expectAppError(createRelease(ctx, input), "invalid_request");
        return (error.details as { fields: { path: string }[] }).fields.map((f) => f.path);
      };
      expect(await fieldsOf({ project: "shop", version: "has space", commitSha: "zz" })).toEqual(
        expect.arrayContaining(["version", "commitSha"]),
      );
      expect(await fieldsOf({ project: "shop", version: "v1" })).toEqual(["version"]);
      expect(await fieldsOf({ version: "v1", commitSha: "abcdef1" })).toEqual(["project"]);
      expect(
        await fieldsOf({
          project: "shop",
          version: "v1",
          buildRun: { provider: "github", externalId: "404" },
        }),
      ).toEqual(["buildRun"]);
      // A model version of another project is as unknown as one that does not exist.
      expect(await fieldsOf({ project: "shop", version: "v1", modelVersionIds: [stranger.id] })).toEqual([
        "modelVersionIds.0",
      ]);
      expect(await db.select().from(releases).where(eq(releases.projectId, project.id))).toHaveLength(0);
      expect(
        await db.select().from(auditEvents).where(eq(auditEvents.action, "release.create")),
      ).toHaveLength(0);
    }));

  it("refuses viewers (403) and projects outside a token's scope (404)", () =>
    inRollback(handle.db, async (db) => {
      const shop = await insertProject(db, { slug: "shop" });
      const bank = await insertProject(db, { slug: "bank" });
      const input = { project: "shop", version: "v1", commitSha: "abcdef1" };
      await expectAppError(
        createRelease({ db, actor: await actorWithRole(db, "viewer") }, input),
        "forbidden",
      );
      await expectAppError(
        createRelease({ db, actor: testActor("engineer", [bank.id]) }, input),
        "not_found",
      );
      await expectAppError(
        createRelease(
          { db, actor: testActor("engineer", [bank.id]) },
          { ...input, project: undefined, projectId: shop.id },
        ),
        "not_found",
      );
      await expectAppError(
        createRelease({ db, actor: await actorWithRole(db, "engineer") }, { ...input, project: "nope" }),
        "not_found",
      );
      expect(await db.select().from(releases)).toHaveLength(0);
    }));
});
