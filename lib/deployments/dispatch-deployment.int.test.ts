import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import {
  type FakeDeployProviders,
  startFakeDeployProviders,
} from "@/lib/connections/testing/fake-deploy-providers";
import { insertProviderConnection } from "@/lib/connections/testing/insert-provider-connection";
import { useTestEncryptionKey } from "@/lib/connections/testing/use-test-encryption-key";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import type { DeployTarget } from "@/lib/db/schema";
import { auditEvents, deployments, environments, modelAliases, promotionRequests } from "@/lib/db/schema";
import { inRollback } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { approvePromotion } from "@/lib/gates/approve-promotion";
import { gateFixture, NOW } from "@/lib/gates/gate-fixture";
import { dispatchDeployment, findStrandedDispatches } from "./dispatch-deployment";

const ctx = (db: Executor, actor: Actor) => ({ db, actor, now: NOW });

describeEachDatabase("deploying through a provider on approval", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  let fake: FakeDeployProviders;
  beforeAll(async () => {
    useTestEncryptionKey();
    handle = await createTestDatabase(kind);
    fake = await startFakeDeployProviders();
  });
  afterAll(async () => {
    await fake?.close();
    await handle?.drop();
  });

  /** Production with one approval needed and a deploy target; the request approved once. */
  async function approvedWithTarget(db: Executor, workflow = "deploy.yml") {
    const f = await gateFixture(db, { requiredApprovals: 1 });
    const connection = await insertProviderConnection(db, "github", fake.githubUrl);
    const target: DeployTarget = {
      connectionId: connection.id,
      kind: "github_workflow_dispatch",
      repository: "acme/shop",
      workflow,
      ref: "main",
    };
    await db.update(environments).set({ deployTarget: target }).where(eq(environments.id, f.env.prod.id));
    const request = await f.pendingRequest();
    const result = await approvePromotion(ctx(db, f.people.approverA), { id: request.id });
    return { f, request, result };
  }

  it("queues the deployment on approval, leaves aliases alone, then starts it at the provider once", () =>
    inRollback(handle.db, async (db) => {
      const { f, request, result } = await approvedWithTarget(db);
      expect(result.request.status).toBe("deploying");
      expect(result.deployment).toMatchObject({ status: "queued", externalId: null, finishedAt: null });
      const champion = await db.select().from(modelAliases).where(eq(modelAliases.modelId, f.model.id));
      expect(champion.find((a) => a.alias === "champion")?.versionId).toBe(f.versions.v1.id);

      const deploymentId = result.deployment!.id;
      expect(await dispatchDeployment(db, deploymentId, { finalAttempt: false })).toBe("started");
      const call = fake.calls.filter((c) => c.path.endsWith("/dispatches")).at(-1)!;
      expect(call.body).toMatchObject({
        ref: "main",
        inputs: { tandem_version: "fraud@2", tandem_request_id: request.id },
      });
      const [row] = await db.select().from(deployments).where(eq(deployments.id, deploymentId));
      expect(row).toMatchObject({
        status: "in_progress",
        externalId: expect.stringMatching(/^github:run:\d+$/),
      });
      expect(row!.url).toMatch(/actions\/runs\/\d+$/);

      const calls = fake.calls.length;
      expect(await dispatchDeployment(db, deploymentId, { finalAttempt: false })).toBe("skipped");
      expect(fake.calls.length).toBe(calls);
    }));

  it("retries through a provider outage and fails the request on the last attempt", () =>
    inRollback(handle.db, async (db) => {
      const { result } = await approvedWithTarget(db);
      const deploymentId = result.deployment!.id;
      fake.failNext(/\/dispatches$/, 502, 2);
      await expect(dispatchDeployment(db, deploymentId, { finalAttempt: false })).rejects.toThrow(
        /server error/,
      );
      expect(await findStrandedDispatches(db, new Date(NOW.getTime() + 120_000))).toContain(deploymentId);
      expect(await dispatchDeployment(db, deploymentId, { finalAttempt: true })).toBe("failed");

      const [row] = await db.select().from(deployments).where(eq(deployments.id, deploymentId));
      expect(row!.status).toBe("failed");
      expect(row!.description).toContain("GitHub had a server error (502)");
      const [request] = await db
        .select()
        .from(promotionRequests)
        .where(eq(promotionRequests.id, result.request.id));
      expect(request!.status).toBe("failed");
      const audits = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "promotion.fail"), eq(auditEvents.targetId, result.request.id)));
      expect(audits).toHaveLength(1);
    }));

  it("fails at once when the provider refuses, with its reason", () =>
    inRollback(handle.db, async (db) => {
      const { result } = await approvedWithTarget(db, "no-dispatch.yml");
      expect(await dispatchDeployment(db, result.deployment!.id, { finalAttempt: false })).toBe("failed");
      const [row] = await db.select().from(deployments).where(eq(deployments.id, result.deployment!.id));
      expect(row!.description).toContain("Workflow does not have 'workflow_dispatch' trigger");
    }));
});
