import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import {
  type FakeDeployProviders,
  startFakeDeployProviders,
} from "@/lib/connections/testing/fake-deploy-providers";
import { insertProviderConnection } from "@/lib/connections/testing/insert-provider-connection";
import { useTestEncryptionKey } from "@/lib/connections/testing/use-test-encryption-key";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import { deployments, promotionRequests, releases } from "@/lib/db/schema";
import { inRollback } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import protectionRule from "@/lib/providers/github/fixtures/deployment-protection-rule.json";
import gitlabDeploymentHook from "@/lib/providers/gitlab/fixtures/deployment-hook.json";
import { normalizeDelivery } from "@/lib/webhooks/normalize-delivery";
import { insertDelivery } from "@/lib/webhooks/testing/webhook-fixtures";
import { answerExternalGate, findUnansweredGates } from "./answer-external-gate";
import { approvePromotion } from "./approve-promotion";
import { gateFixture, NOW } from "./gate-fixture";
import { receiveAzureCheck } from "./receive-azure-check";
import { rejectPromotion } from "./reject-promotion";

const ctx = (db: Executor, actor: Actor) => ({ db, actor, now: NOW });

describeEachDatabase("Tandem as the gate inside provider pipelines", (kind) => {
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

  async function setup(db: Executor, provider: "github" | "gitlab", repository: string) {
    const f = await gateFixture(db, { requiredApprovals: 1 });
    const connection = await insertProviderConnection(
      db,
      provider,
      provider === "github" ? fake.githubUrl : fake.gitlabUrl,
      {
        config: { repositories: [{ name: repository, projectId: f.project.id }] },
      },
    );
    const deliver = async (event: string, body: unknown) =>
      normalizeDelivery(db, (await insertDelivery(db, connection.id, event, body)).id);
    const requestOf = async () =>
      (await db.select().from(promotionRequests).where(eq(promotionRequests.projectId, f.project.id))).filter(
        (r) => r.externalGate,
      );
    return { f, connection, deliver, requestOf };
  }

  it("a GitHub protection rule opens one request; approval answers the callback once and queues the deployment", () =>
    inRollback(handle.db, async (db) => {
      const { f, deliver, requestOf } = await setup(db, "github", "octo-org/octo-repo");
      const body = structuredClone(protectionRule);
      body.deployment_callback_url = `${fake.githubUrl}/repos/octo-org/octo-repo/actions/runs/1234567890/deployment_protection_rule`;
      expect(await deliver("deployment_protection_rule", body)).toMatchObject({ outcome: "processed" });
      await deliver("deployment_protection_rule", body);
      const [request, ...others] = await requestOf();
      expect(others).toHaveLength(0);
      expect(request!.externalGate).toMatchObject({
        provider: "github",
        ref: { deploymentId: "1136829540", environmentName: "production" },
      });
      const [release] = await db.select().from(releases).where(eq(releases.id, request!.releaseId!));
      expect(release).toMatchObject({ version: "8e1d3c2a", commitSha: body.deployment.sha });

      const approved = await approvePromotion(ctx(db, f.people.approverA), {
        id: request!.id,
        comment: "ship it",
      });
      expect(approved.request.status).toBe("deploying");
      expect(approved.deployment).toMatchObject({ status: "queued", externalId: "github:1136829540" });
      expect(await findUnansweredGates(db, new Date(Date.now() + 120_000))).toContain(request!.id);

      expect(await answerExternalGate(db, request!.id, { finalAttempt: false })).toBe("answered");
      const call = fake.calls.filter((c) => c.path.endsWith("/deployment_protection_rule")).at(-1)!;
      expect(call.body).toEqual({
        environment_name: "production",
        state: "approved",
        comment: "Approved in Tandem: ship it",
      });
      const count = fake.calls.length;
      expect(await answerExternalGate(db, request!.id, { finalAttempt: false })).toBe("skipped");
      expect(fake.calls.length).toBe(count);
      const [after] = await db.select().from(promotionRequests).where(eq(promotionRequests.id, request!.id));
      expect(after!.externalGate!.answeredAt).toBeTruthy();
    }));

  it("retries the answer through a GitHub outage", () =>
    inRollback(handle.db, async (db) => {
      const { f, deliver, requestOf } = await setup(db, "github", "octo-org/octo-repo");
      const body = structuredClone(protectionRule);
      body.deployment_callback_url = `${fake.githubUrl}/repos/octo-org/octo-repo/actions/runs/99/deployment_protection_rule`;
      await deliver("deployment_protection_rule", body);
      const [request] = await requestOf();
      await approvePromotion(ctx(db, f.people.approverA), { id: request!.id });
      fake.failNext(/deployment_protection_rule$/, 503);
      await expect(answerExternalGate(db, request!.id, { finalAttempt: false })).rejects.toThrow(
        /server error/,
      );
      expect(await answerExternalGate(db, request!.id, { finalAttempt: false })).toBe("answered");
    }));

  it("a GitLab blocked deployment opens a request; rejection answers the approval API", () =>
    inRollback(handle.db, async (db) => {
      const hook = {
        ...structuredClone(gitlabDeploymentHook),
        status: "blocked",
        environment: "production",
        environment_slug: "production",
      };
      const { f, deliver, requestOf } = await setup(db, "gitlab", hook.project.path_with_namespace);
      await deliver("Deployment Hook", hook);
      const [request] = await requestOf();
      expect(request!.externalGate).toMatchObject({
        provider: "gitlab",
        ref: { deploymentId: String(hook.deployment_id) },
      });
      await rejectPromotion(ctx(db, f.people.approverA), { id: request!.id, comment: "not this week" });
      expect(await answerExternalGate(db, request!.id, { finalAttempt: false })).toBe("answered");
      const call = fake.calls.filter((c) => c.path.endsWith("/approval")).at(-1)!;
      expect(call.path).toBe(
        `/gitlab/api/v4/projects/${hook.project.id}/deployments/${hook.deployment_id}/approval`,
      );
      expect(call.body).toMatchObject({ status: "rejected", comment: "Rejected in Tandem: not this week" });
      expect(
        await db.select().from(deployments).where(eq(deployments.promotionRequestId, request!.id)),
      ).toHaveLength(0);
    }));

  it("an Azure DevOps check call opens a request (verified by the webhook secret); approval posts TaskCompleted with the job token", () =>
    inRollback(handle.db, async (db) => {
      const f = await gateFixture(db, { requiredApprovals: 1 });
      const connection = await insertProviderConnection(db, "azure_devops", fake.azureUrl, {
        webhookSecret: "check-secret",
        config: { repositories: [{ name: "Fabrikam", projectId: f.project.id }] },
      });
      const call = (secret: string, headers: Record<string, string> = {}) =>
        new Request(`http://tandem.test/api/gates/azure-devops/${connection.id}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            authorization: `Basic ${Buffer.from(`azure:${secret}`).toString("base64")}`,
            PlanUrl: `${fake.origin}/azure/fabrikam/`,
            ProjectId: "Fabrikam",
            HubName: "build",
            PlanId: "5b2d6a0c-0000-4000-8000-00000000aa01",
            JobId: "6c3e7b1d-0000-4000-8000-00000000bb02",
            TimelineId: "7d4f8c2e-0000-4000-8000-00000000cc03",
            TaskInstanceId: "8e5a9d3f-0000-4000-8000-00000000dd04",
            AuthToken: "job-access-token",
            ...headers,
          },
          body: JSON.stringify({
            environment: "production",
            repository: "Fabrikam",
            commit: "a".repeat(40),
            runId: 4711,
          }),
        });
      await expect(receiveAzureCheck(db, call("wrong"), connection.id)).rejects.toMatchObject({
        code: "unauthenticated",
      });
      const opened = await receiveAzureCheck(db, call("check-secret"), connection.id);
      expect(opened.status).toBe("pending");
      expect((await receiveAzureCheck(db, call("check-secret"), connection.id)).requestId).toBe(
        opened.requestId,
      );
      const [request] = await db
        .select()
        .from(promotionRequests)
        .where(eq(promotionRequests.id, opened.requestId));
      expect(JSON.stringify(request!.externalGate)).not.toContain("job-access-token");

      const approved = await approvePromotion(ctx(db, f.people.approverA), { id: opened.requestId });
      expect(approved.deployment).toMatchObject({ status: "queued", externalId: "azure_devops:run:4711" });
      expect(await answerExternalGate(db, opened.requestId, { finalAttempt: false })).toBe("answered");
      const event = fake.calls.filter((c) => c.path.endsWith("/events")).at(-1)!;
      expect(event.path).toBe(
        "/azure/fabrikam/Fabrikam/_apis/distributedtask/hubs/build/plans/5b2d6a0c-0000-4000-8000-00000000aa01/events",
      );
      expect(event.headers.authorization).toBe("Bearer job-access-token");
      expect(event.body).toEqual({
        name: "TaskCompleted",
        taskId: "8e5a9d3f-0000-4000-8000-00000000dd04",
        jobId: "6c3e7b1d-0000-4000-8000-00000000bb02",
        result: "succeeded",
      });
    }));
});
