import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import { auditEvents, modelAliasEvents, modelAliases } from "@/lib/db/schema";
import {
  actorWithRole,
  expectAppError,
  inRollback,
  insertModel,
  insertModelVersion,
  insertProject,
  testActor,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { removeAlias } from "./remove-alias";
import { setAlias } from "./set-alias";

async function seedModel(db: Executor, versions: number) {
  const project = await insertProject(db);
  const model = await insertModel(db, project.id);
  const rows = [];
  for (let v = 1; v <= versions; v++) rows.push(await insertModelVersion(db, model.id, v));
  return { project, model, versions: rows };
}

async function holders(db: Executor, modelId: string, alias: string) {
  return db
    .select({ versionId: modelAliases.versionId })
    .from(modelAliases)
    .where(and(eq(modelAliases.modelId, modelId), eq(modelAliases.alias, alias)));
}

async function events(db: Executor, modelId: string, alias: string) {
  return db
    .select({
      from: modelAliasEvents.fromVersionId,
      to: modelAliasEvents.toVersionId,
      actor: modelAliasEvents.actor,
    })
    .from(modelAliasEvents)
    .where(and(eq(modelAliasEvents.modelId, modelId), eq(modelAliasEvents.alias, alias)))
    .orderBy(asc(modelAliasEvents.id));
}

describeEachDatabase("setAlias / removeAlias", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());

  it("sets, moves and removes an alias, with an event chain and audit rows", () =>
    inRollback(handle.db, async (db) => {
      const engineer: Actor = await actorWithRole(db, "engineer");
      const { model, versions } = await seedModel(db, 3);
      const [v1, v2] = versions;
      const ctx = { db, actor: engineer };
      const set = await setAlias(ctx, { modelId: model.id, alias: "champion", body: { version: 1 } });
      expect(set).toEqual({
        alias: "champion",
        version: 1,
        versionId: v1!.id,
        previousVersion: null,
        previousVersionId: null,
        changed: true,
      });
      const moved = await setAlias(ctx, { modelId: model.id, alias: "champion", body: { version: 2 } });
      expect(moved).toMatchObject({ version: 2, previousVersion: 1, changed: true });
      // Pointing it where it already is writes nothing.
      const same = await setAlias(ctx, { modelId: model.id, alias: "champion", body: { version: 2 } });
      expect(same).toMatchObject({ version: 2, previousVersion: 2, changed: false });
      await setAlias(ctx, { modelId: model.id, alias: "challenger", body: { version: 2 } });
      expect(await holders(db, model.id, "champion")).toEqual([{ versionId: v2!.id }]);

      const removed = await removeAlias(ctx, { modelId: model.id, alias: "champion" });
      expect(removed).toMatchObject({ version: null, versionId: null, previousVersion: 2, changed: true });
      const again = await removeAlias(ctx, { modelId: model.id, alias: "champion" });
      expect(again.changed).toBe(false);
      expect(await holders(db, model.id, "champion")).toEqual([]);
      expect(await events(db, model.id, "champion")).toEqual([
        { from: null, to: v1!.id, actor: engineer.email },
        { from: v1!.id, to: v2!.id, actor: engineer.email },
        { from: v2!.id, to: null, actor: engineer.email },
      ]);
      const audits = await db
        .select({ action: auditEvents.action, data: auditEvents.data })
        .from(auditEvents)
        .where(eq(auditEvents.targetId, model.id))
        .orderBy(asc(auditEvents.id));
      expect(audits).toEqual([
        {
          action: "alias.move",
          data: { model: model.name, alias: "champion", fromVersion: null, toVersion: 1 },
        },
        {
          action: "alias.move",
          data: { model: model.name, alias: "champion", fromVersion: 1, toVersion: 2 },
        },
        {
          action: "alias.move",
          data: { model: model.name, alias: "challenger", fromVersion: null, toVersion: 2 },
        },
        {
          action: "alias.move",
          data: { model: model.name, alias: "champion", fromVersion: 2, toVersion: null },
        },
      ]);
    }));

  it("validates the alias name and the version, and checks permission and project", () =>
    inRollback(handle.db, async (db) => {
      const engineer = await actorWithRole(db, "engineer");
      const { model, project } = await seedModel(db, 1);
      const other = await insertProject(db);
      const ctx = { db, actor: engineer };
      for (const alias of ["Champion", "1st", "a".repeat(64), "with space", ""]) {
        const error = await expectAppError(
          setAlias(ctx, { modelId: model.id, alias, body: { version: 1 } }),
          "invalid_request",
        );
        expect(error.details).toMatchObject({ fields: [{ path: "alias" }] });
      }
      expect(
        (await setAlias(ctx, { modelId: model.id, alias: "a".repeat(63), body: { version: 1 } })).changed,
      ).toBe(true);
      const missing = await expectAppError(
        setAlias(ctx, { modelId: model.id, alias: "champion", body: { version: 9 } }),
        "invalid_request",
      );
      expect(missing.details).toEqual({
        fields: [{ path: "version", message: `Model ${model.name} has no version 9.` }],
      });
      await expectAppError(
        setAlias(ctx, { modelId: model.id, alias: "champion", body: { version: "1" as never } }),
        "invalid_request",
      );
      await expectAppError(
        setAlias(
          { db, actor: testActor("viewer") },
          { modelId: model.id, alias: "champion", body: { version: 1 } },
        ),
        "forbidden",
      );
      await expectAppError(
        removeAlias({ db, actor: testActor("viewer") }, { modelId: model.id, alias: "champion" }),
        "forbidden",
      );
      const limited = { ...engineer, via: "token" as const, projectIds: [other.id] };
      await expectAppError(
        setAlias({ db, actor: limited }, { modelId: model.id, alias: "champion", body: { version: 1 } }),
        "not_found",
      );
      await expectAppError(
        removeAlias({ db, actor: limited }, { modelId: model.id, alias: "champion" }),
        "not_found",
      );
      const own = { ...engineer, via: "token" as const, projectIds: [project.id] };
      expect(
        (await setAlias({ db, actor: own }, { modelId: model.id, alias: "champion", body: { version: 1 } }))
          .changed,
      ).toBe(true);
    }));

  it.skipIf(kind === "pglite")(
    // PGlite serves one connection, so moves cannot overlap there; the race needs real Postgres.
    "keeps exactly one holder and a consistent event chain under 20 concurrent moves",
    async () => {
      const db = handle.db;
      const engineer = await actorWithRole(db, "engineer");
      const { model, versions } = await seedModel(db, 20);
      await setAlias({ db, actor: engineer }, { modelId: model.id, alias: "champion", body: { version: 1 } });
      const results = await Promise.all(
        versions.map((v) =>
          setAlias(
            { db, actor: engineer },
            { modelId: model.id, alias: "champion", body: { version: v.version } },
          ),
        ),
      );
      // v1 already held it, unless another move got in first; every other move changed something.
      expect(results.filter((r) => r.changed).length).toBeGreaterThanOrEqual(19);
      const rows = await holders(db, model.id, "champion");
      expect(rows).toHaveLength(1);
      const chain = await events(db, model.id, "champion");
      expect(chain[0]!.from).toBeNull();
      for (let i = 1; i < chain.length; i++) expect(chain[i]!.from).toBe(chain[i - 1]!.to);
      expect(chain.at(-1)!.to).toBe(rows[0]!.versionId);
      expect(chain).toHaveLength(1 + results.filter((r) => r.changed).length);
      // Each answer's `previousVersionId` is the event it wrote: the chain as the callers saw it.
      const seen = results.filter((r) => r.changed).map((r) => `${r.previousVersionId}->${r.versionId}`);
      expect(new Set(seen)).toEqual(new Set(chain.slice(1).map((e) => `${e.from}->${e.to}`)));
    },
  );
});
