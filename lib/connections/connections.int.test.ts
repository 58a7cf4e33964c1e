import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { open } from "@/lib/crypto/secret-box";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import { auditEvents, connections } from "@/lib/db/schema";
import { actorWithRole, expectAppError, inRollback, insertProject } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { createConnection } from "./create-connection";
import { deleteConnection } from "./delete-connection";
import { getConnection } from "./get-connection";
import { listConnections } from "./list-connections";
import { revealWebhookSecret } from "./reveal-webhook-secret";
import { rotateWebhookSecret } from "./rotate-webhook-secret";
import { useTestEncryptionKey } from "./testing/use-test-encryption-key";
import { updateConnection } from "./update-connection";

const TOKEN = "ghp_plaintext_token_that_must_never_be_stored";

async function counts(db: Executor) {
  const [c] = await db.select({ n: count() }).from(connections);
  const [a] = await db.select({ n: count() }).from(auditEvents);
  return { connections: c?.n ?? 0, audit: a?.n ?? 0 };
}
const auditOf = (db: Executor, action: string) =>
  db.select().from(auditEvents).where(eq(auditEvents.action, action));

describeEachDatabase("connection verbs", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    useTestEncryptionKey();
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());

  async function setup(db: Executor) {
    const admin = await actorWithRole(db, "admin");
    const project = await insertProject(db);
    const input = {
      kind: "github" as const,
      name: "GitHub",
      token: TOKEN,
      config: { repositories: [{ name: "acme/api", projectId: project.id }] },
    };
    return { admin, project, input, ctx: { db, actor: admin } };
  }

  it("seals the token and a generated webhook secret at rest and audits without them", () =>
    inRollback(handle.db, async (db) => {
      const { ctx, input } = await setup(db);
      const { connection, webhookSecret } = await createConnection(ctx, input);
      expect(webhookSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(connection).toMatchObject({ kind: "github", baseUrl: "https://api.github.com", hasToken: true });
      const [row] = await db.select().from(connections).where(eq(connections.id, connection.id));
      const stored = JSON.stringify(row);
      expect(stored).not.toContain(TOKEN);
      expect(stored).not.toContain(webhookSecret);
      expect(open(row!.credentialsEncrypted!)).toBe(TOKEN);
      expect(open(row!.webhookSecretEncrypted!)).toBe(webhookSecret);
      const [audit] = await auditOf(db, "connection.create");
      expect(audit).toMatchObject({ targetType: "connection", targetId: connection.id });
      expect(JSON.stringify(audit)).not.toContain(TOKEN);
      expect(JSON.stringify(audit)).not.toContain(webhookSecret);
    }));

  it("never returns secrets from list or get", () =>
    inRollback(handle.db, async (db) => {
      const { ctx, input } = await setup(db);
      const { connection, webhookSecret } = await createConnection(ctx, input);
      const listed = await listConnections(ctx);
      const detail = await getConnection(ctx, { id: connection.id, origin: "https://tandem.example.com/" });
      for (const value of [listed, detail]) {
        const text = JSON.stringify(value);
        expect(text).not.toContain(TOKEN);
        expect(text).not.toContain(webhookSecret);
        expect(text).not.toMatch(/"v1\.[0-9a-f]{8}\./);
        expect(text).not.toContain("Encrypted");
      }
      expect(detail).toMatchObject({
        hasToken: true,
        hasWebhookSecret: true,
        webhookUrl: `https://tandem.example.com/api/webhooks/github/${connection.id}`,
      });
    }));

  it("refuses non-admins (403) for every verb and writes nothing", () =>
    inRollback(handle.db, async (db) => {
      const { ctx, input } = await setup(db);
      const { connection } = await createConnection(ctx, input);
      const before = await counts(db);
      for (const role of ["viewer", "engineer", "approver"] as const) {
        const other = { db, actor: await actorWithRole(db, role) };
        const id = { id: connection.id };
        await expectAppError(createConnection(other, input), "forbidden");
        await expectAppError(listConnections(other), "forbidden");
        await expectAppError(getConnection(other, { ...id, origin: "http://x" }), "forbidden");
        await expectAppError(updateConnection(other, { ...id, name: "x" }), "forbidden");
        await expectAppError(revealWebhookSecret(other, id), "forbidden");
        await expectAppError(rotateWebhookSecret(other, id), "forbidden");
        await expectAppError(deleteConnection(other, id), "forbidden");
      }
      expect(await counts(db)).toEqual(before);
    }));

  it("rejects mappings to unknown projects (400, per row) and writes nothing", () =>
    inRollback(handle.db, async (db) => {
      const { ctx, input, project } = await setup(db);
      const before = await counts(db);
      const missing = "00000000-0000-4000-8000-000000000000";
      const error = await expectAppError(
        createConnection(ctx, {
          ...input,
          config: {
            repositories: [
              { name: "acme/api", projectId: project.id },
              { name: "acme/web", projectId: missing },
            ],
            defaultProjectId: missing,
          },
        }),
        "invalid_request",
      );
      expect((error.details as { fields: { path: string }[] }).fields.map((f) => f.path)).toEqual([
        "config.repositories.1.projectId",
        "config.defaultProjectId",
      ]);
      expect(await counts(db)).toEqual(before);
    }));

  it("validates base URLs per provider and fills the defaults", () =>
    inRollback(handle.db, async (db) => {
      const { ctx, input } = await setup(db);
      const field = async (over: object) => {
        const error = await expectAppError(createConnection(ctx, { ...input, ...over }), "invalid_request");
        return (error.details as { fields: { path: string }[] }).fields[0]?.path;
      };
      expect(await field({ baseUrl: "https://github.acme.com" })).toBe("baseUrl");
      expect(await field({ baseUrl: "http://github.acme.com/api/v3" })).toBe("baseUrl");
      expect(await field({ kind: "azure_devops", baseUrl: "" })).toBe("baseUrl");
      expect(await field({ kind: "azure_devops", baseUrl: "https://dev.azure.com" })).toBe("baseUrl");
      expect(await field({ kind: "bitbucket" })).toBe("kind");
      const ghe = await createConnection(ctx, { ...input, baseUrl: "https://github.acme.com/api/v3/" });
      expect(ghe.connection.baseUrl).toBe("https://github.acme.com/api/v3");
      const gitlab = await createConnection(ctx, {
        ...input,
        kind: "gitlab",
        baseUrl: "https://git.acme.com/api/v4",
      });
      expect(gitlab.connection.baseUrl).toBe("https://git.acme.com");
      const defaultLab = await createConnection(ctx, { ...input, kind: "gitlab" });
      expect(defaultLab.connection.baseUrl).toBe("https://gitlab.com");
    }));

  describe("updateConnection", () => {
    it("keeps the token when blank, replaces it when given, and keeps config keys it does not own", () =>
      inRollback(handle.db, async (db) => {
        const { ctx, input, project } = await setup(db);
        const { connection } = await createConnection(ctx, input);
        await db.update(connections).set({ config: { ...input.config, syncCursor: "abc" } });
        const sealedBefore = (await db.select().from(connections))[0]!.credentialsEncrypted;
        const renamed = await updateConnection(ctx, { id: connection.id, name: "GitHub.com", token: "" });
        expect(renamed.name).toBe("GitHub.com");
        const [kept] = await db.select().from(connections).where(eq(connections.id, connection.id));
        expect(kept!.credentialsEncrypted).toBe(sealedBefore);
        await updateConnection(ctx, {
          id: connection.id,
          token: "ghp_new",
          enabled: false,
          config: { repositories: [{ name: "acme/web", projectId: project.id }] },
        });
        const [row] = await db.select().from(connections).where(eq(connections.id, connection.id));
        expect(open(row!.credentialsEncrypted!)).toBe("ghp_new");
        expect(row!.enabled).toBe(false);
        expect(row!.config).toMatchObject({ syncCursor: "abc", repositories: [{ name: "acme/web" }] });
        // Saving the form again without changes writes nothing, whatever jsonb did to key order.
        await updateConnection(ctx, {
          id: connection.id,
          name: "GitHub.com",
          baseUrl: "https://api.github.com/",
          token: "",
          config: { repositories: [{ name: "acme/web", projectId: project.id }] },
        });
        const audits = await auditOf(db, "connection.update");
        expect(audits.map((a) => a.data.changed)).toEqual([["name"], ["token", "enabled", "config"]]);
        expect(JSON.stringify(audits)).not.toContain("ghp_new");
      }));

    it("rejects a bad base URL and an unknown connection", () =>
      inRollback(handle.db, async (db) => {
        const { ctx, input } = await setup(db);
        const { connection } = await createConnection(ctx, input);
        await expectAppError(
          updateConnection(ctx, { id: connection.id, baseUrl: "ftp://x" }),
          "invalid_request",
        );
        await expectAppError(
          updateConnection(ctx, { id: "00000000-0000-4000-8000-000000000000", name: "x" }),
          "not_found",
        );
      }));
  });

  it("rotates, reveals (audited) and deletes", () =>
    inRollback(handle.db, async (db) => {
      const { ctx, input } = await setup(db);
      const { connection, webhookSecret } = await createConnection(ctx, input);
      const rotated = await rotateWebhookSecret(ctx, { id: connection.id });
      expect(rotated.webhookSecret).not.toBe(webhookSecret);
      expect(await revealWebhookSecret(ctx, { id: connection.id })).toEqual(rotated);
      expect(await auditOf(db, "connection.rotate_secret")).toHaveLength(1);
      expect(await auditOf(db, "connection.reveal_secret")).toHaveLength(1);
      expect(JSON.stringify(await auditOf(db, "connection.reveal_secret"))).not.toContain(
        rotated.webhookSecret,
      );
      await deleteConnection(ctx, { id: connection.id });
      expect(await listConnections(ctx)).toEqual([]);
      expect(await auditOf(db, "connection.delete")).toHaveLength(1);
      await expectAppError(deleteConnection(ctx, { id: connection.id }), "not_found");
    }));
});
