import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import { auditEvents, deployments, environments, modelAliases, promotionRequests } from "@/lib/db/schema";
import { inRollback, insertDeployment } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { gateFixture } from "@/lib/gates/gate-fixture";
import { githubExample } from "@/lib/providers/github/testing/examples";
import gitlabDeploymentHook from "@/lib/providers/gitlab/fixtures/deployment-hook.json";
import { normalizeDelivery } from "@/lib/webhooks/normalize-delivery";
import {
  insertCiConnection,
  insertDelivery,
  useWebhookTestKey,
} from "@/lib/webhooks/testing/webhook-fixtures";

describeEachDatabase("deployment webhooks finish Tandem's deployments", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    useWebhookTestKey();
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());

  /** A request for fraud v2 → production, approved and deploying through a provider deployment `externalId`. */
  async function deploying(
    db: Executor,
    provider: "github" | "gitlab",
    repository: string,
    externalId: string,
    envSlug?: string,
  ) {
    const f = await gateFixture(db, { requiredApprovals: 1 });
    if (envSlug)
      await db.update(environments).set({ slug: envSlug }).where(eq(environments.id, f.env.prod.id));
    const { connection } = await insertCiConnection(db, provider, {
      config: { repositories: [{ name: repository, projectId: f.project.id }] },
    });
    const request = await f.pendingRequest();
    const deployment = await insertDeployment(db, f.env.prod, {
      modelVersionId: f.versions.v2.id,
      promotionRequestId: request.id,
      status: "in_progress",
      externalId,
      finishedAt: null,
    });
    await db
      .update(promotionRequests)
      .set({ status: "deploying", deploymentId: deployment.id })
      .where(eq(promotionRequests.id, request.id));
    const deliver = async (event: string, body: unknown) => {
      const row = await insertDelivery(db, connection.id, event, body);
      return normalizeDelivery(db, row.id);
    };
    const state = async () => ({
      deployment: (await db.select().from(deployments).where(eq(deployments.id, deployment.id)))[0]!.status,
      request: (await db.select().from(promotionRequests).where(eq(promotionRequests.id, request.id)))[0]!
        .status,
    });
    return { f, request, deployment, deliver, state };
  }

  it("a GitHub deployment_status success deploys the request once, moves the aliases, and later deliveries change nothing", () =>
    inRollback(handle.db, async (db) => {
      const success = githubExample("deployment_status", (e) => e.deployment_status.state === "success");
      const { f, request, deliver, state } = await deploying(
        db,
        "github",
        "Codertocat/Hello-World",
        `github:${success.deployment.id}`,
      );
      expect(await deliver("deployment_status", success)).toMatchObject({ outcome: "processed" });
      expect(await state()).toEqual({ deployment: "succeeded", request: "deployed" });
      const aliases = await db.select().from(modelAliases).where(eq(modelAliases.modelId, f.model.id));
      expect(aliases.find((a) => a.alias === "champion")?.versionId).toBe(f.versions.v2.id);

      // An in-progress status delivered late, then the same success again: nothing moves back or twice.
      const late = structuredClone(success);
      late.deployment_status.state = "in_progress";
      await deliver("deployment_status", late);
      await deliver("deployment_status", success);
      expect(await state()).toEqual({ deployment: "succeeded", request: "deployed" });
      const deployedAudits = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "promotion.deployed"), eq(auditEvents.targetId, request.id)));
      expect(deployedAudits).toHaveLength(1);
    }));

  it("a GitHub deployment_status failure fails the request and leaves the aliases", () =>
    inRollback(handle.db, async (db) => {
      const failure = githubExample("deployment_status", (e) => e.deployment_status.state === "success");
      failure.deployment_status.state = "failure";
      const { f, deliver, state } = await deploying(
        db,
        "github",
        "Codertocat/Hello-World",
        `github:${failure.deployment.id}`,
      );
      await deliver("deployment_status", failure);
      expect(await state()).toEqual({ deployment: "failed", request: "failed" });
      const aliases = await db.select().from(modelAliases).where(eq(modelAliases.modelId, f.model.id));
      expect(aliases.find((a) => a.alias === "champion")?.versionId).toBe(f.versions.v1.id);
    }));

  it("a workflow run Tandem dispatched finishes its deployment when the run completes", () =>
    inRollback(handle.db, async (db) => {
      const run = githubExample("workflow_run", (e) => e.workflow_run.conclusion === "success");
      run.workflow_run.id = 777001;
      run.workflow_run.conclusion = "failure";
      const { deliver, state } = await deploying(db, "github", run.repository.full_name, "github:run:777001");
      await deliver("workflow_run", run);
      expect(await state()).toEqual({ deployment: "failed", request: "failed" });
    }));

  it("a deployment_status of a dispatched run's deployment finds the deployment through the run", () =>
    inRollback(handle.db, async (db) => {
      const status = githubExample("deployment_status", (e) => Boolean(e.workflow_run));
      status.deployment_status.state = "success";
      const { deliver, state } = await deploying(
        db,
        "github",
        status.repository.full_name,
        `github:run:${status.workflow_run.id}`,
        status.deployment.environment,
      );
      await deliver("deployment_status", status);
      expect(await state()).toEqual({ deployment: "succeeded", request: "deployed" });
    }));

  it("a GitLab Deployment Hook success deploys the request", () =>
    inRollback(handle.db, async (db) => {
      const hook = {
        ...structuredClone(gitlabDeploymentHook),
        environment: "production",
        environment_slug: "production",
      };
      const { deliver, state } = await deploying(
        db,
        "gitlab",
        hook.project.path_with_namespace,
        `gitlab:${hook.deployment_id}`,
      );
      await deliver("Deployment Hook", hook);
      expect(await state()).toEqual({ deployment: "succeeded", request: "deployed" });
    }));
});
