import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { insertProviderConnection } from "@/lib/connections/testing/insert-provider-connection";
import { useTestEncryptionKey } from "@/lib/connections/testing/use-test-encryption-key";
import type { DatabaseHandle } from "@/lib/db/client";
import { auditEvents, environments } from "@/lib/db/schema";
import {
  actorWithRole,
  expectAppError,
  inRollback,
  insertEnvironment,
  insertProject,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { setDeployTarget } from "./set-deploy-target";

describeEachDatabase("setDeployTarget", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    useTestEncryptionKey();
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());

  it("links an environment to a GitHub workflow, audits before and after, and unlinks with null", () =>
    inRollback(handle.db, async (db) => {
      const project = await insertProject(db);
      const env = await insertEnvironment(db, project.id, { slug: "production" });
      const github = await insertProviderConnection(db, "github", "https://api.github.com");
      const ctx = { db, actor: await actorWithRole(db, "admin") };
      const target = {
        connectionId: github.id,
        kind: "github_workflow_dispatch" as const,
        repository: "acme/shop",
        workflow: "deploy.yml",
        ref: "main",
      };
      expect(await setDeployTarget(ctx, { environmentId: env.id, deployTarget: target })).toMatchObject({
        deployTarget: target,
      });
      const [row] = await db.select().from(environments).where(eq(environments.id, env.id));
      expect(row!.deployTarget).toEqual(target);
      await setDeployTarget(ctx, { environmentId: env.id, deployTarget: null });
      const audits = await db.select().from(auditEvents).where(eq(auditEvents.targetId, env.id));
      expect(audits.map((a) => a.data)).toEqual(
        expect.arrayContaining([expect.objectContaining({ before: target, after: null })]),
      );
    }));

  it("refuses non-admins, a connection of the wrong kind, and incomplete targets", () =>
    inRollback(handle.db, async (db) => {
      const project = await insertProject(db);
      const env = await insertEnvironment(db, project.id);
      const gitlab = await insertProviderConnection(db, "gitlab", "https://gitlab.com");
      const admin = { db, actor: await actorWithRole(db, "admin") };
      const engineer = { db, actor: await actorWithRole(db, "engineer") };
      const target = {
        connectionId: gitlab.id,
        kind: "gitlab_pipeline" as const,
        repository: "acme/shop",
        ref: "main",
      };
      await expectAppError(
        setDeployTarget(engineer, { environmentId: env.id, deployTarget: target }),
        "forbidden",
      );
      const wrong = await expectAppError(
        setDeployTarget(admin, {
          environmentId: env.id,
          deployTarget: { ...target, kind: "azure_pipeline_run", workflow: "3" },
        }),
        "invalid_request",
      );
      expect(wrong.message).toContain("needs azure_devops");
      await expectAppError(
        setDeployTarget(admin, {
          environmentId: env.id,
          deployTarget: { ...target, kind: "github_workflow_dispatch" },
        }),
        "invalid_request",
      );
    }));
});
