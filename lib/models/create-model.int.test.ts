import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import { actorWithRole, expectAppError, inRollback, insertProject, testActor } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { createModel } from "./create-model";

describeEachDatabase("createModel", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());

  it("creates a model in a project by slug, audited, and refuses the same name twice (409)", () =>
    inRollback(handle.db, async (db) => {
      const engineer = await actorWithRole(db, "engineer");
      const project = await insertProject(db, { slug: "shop" });
      const ctx = { db, actor: engineer };
      const model = await createModel(ctx, {
        project: "shop",
        name: "ranker",
        description: "Orders search results",
        owner: "search-team",
        tags: { domain: "search", tier: 1 },
        primaryMetric: "ndcg@10",
        primaryMetricDirection: "higher",
      });
      expect(model).toMatchObject({
        projectId: project.id,
        projectSlug: "shop",
        name: "ranker",
        description: "Orders search results",
        owner: "search-team",
        tags: { domain: "search", tier: "1" },
        primaryMetric: "ndcg@10",
        primaryMetricDirection: "higher",
      });
      const minimal = await createModel(ctx, { project: "shop", name: "churn" });
      expect(minimal).toMatchObject({
        description: "",
        owner: null,
        tags: {},
        primaryMetricDirection: "higher",
      });
      const duplicate = await expectAppError(
        createModel(ctx, { project: "shop", name: "ranker" }),
        "conflict",
      );
      expect(duplicate.details).toEqual({ field: "name" });
      const audits = await db
        .select({ data: auditEvents.data })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "model.create"), eq(auditEvents.projectId, project.id)));
      expect(audits).toHaveLength(2);
      // The same name in another project is another model.
      await insertProject(db, { slug: "bank" });
      expect((await createModel(ctx, { project: "bank", name: "ranker" })).projectSlug).toBe("bank");
    }));

  it("validates fields, and answers 403 to a viewer and 404 outside the actor's projects", () =>
    inRollback(handle.db, async (db) => {
      const engineer = await actorWithRole(db, "engineer");
      const project = await insertProject(db, { slug: "shop" });
      const other = await insertProject(db);
      const ctx = { db, actor: engineer };
      const bad = await expectAppError(
        createModel(ctx, {
          project: "shop",
          name: "  ",
          primaryMetric: "auc score",
          primaryMetricDirection: "up" as never,
          tags: { "a:b": "c" },
        }),
        "invalid_request",
      );
      expect((bad.details as { fields: { path: string }[] }).fields.map((f) => f.path).sort()).toEqual([
        "name",
        "primaryMetric",
        "primaryMetricDirection",
        "tags.a:b",
      ]);
      await expectAppError(createModel(ctx, { project: "nowhere", name: "m" }), "not_found");
      await expectAppError(
        createModel({ db, actor: testActor("viewer") }, { project: "shop", name: "m" }),
        "forbidden",
      );
      const limited = { ...engineer, via: "token" as const, projectIds: [other.id] };
      await expectAppError(createModel({ db, actor: limited }, { project: "shop", name: "m" }), "not_found");
      const own = { ...engineer, via: "token" as const, projectIds: [project.id] };
      expect((await createModel({ db, actor: own }, { project: "shop", name: "m" })).name).toBe("m");
    }));
});
