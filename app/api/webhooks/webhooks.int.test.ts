import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseHandle } from "@/lib/db";
import { connections, pipelineJobs, pipelineRuns, webhookDeliveries } from "@/lib/db/schema";
import { insertProject } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import azureBuild from "@/lib/providers/azure-devops/fixtures/build-complete.json";
import { githubExample } from "@/lib/providers/github/testing/examples";
import gitlabPipeline from "@/lib/providers/gitlab/fixtures/pipeline-hook.json";
import { normalizeDelivery } from "@/lib/webhooks/normalize-delivery";
import { WEBHOOK_BODY_LIMIT_BYTES } from "@/lib/webhooks/read-body";
import {
  azureRequest,
  githubRequest,
  gitlabRequest,
  insertCiConnection,
  routeParams,
  useWebhookTestKey,
} from "@/lib/webhooks/testing/webhook-fixtures";
import { POST as azurePost } from "./azure-devops/[connectionId]/route";
import { POST as githubPost } from "./github/[connectionId]/route";
import { POST as gitlabPost } from "./gitlab/[connectionId]/route";

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;

describeEachDatabase("POST /api/webhooks/{provider}/{connectionId}", (kind) => {
  let handle: Handle;
  let projectId: string;

  beforeAll(async () => {
    useWebhookTestKey();
    handle = await createTestDatabase(kind);
    useDatabaseHandle(handle);
    projectId = (await insertProject(handle.db)).id;
  });
  afterAll(() => handle.drop());

  const deliveries = (connectionId: string) =>
    handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.connectionId, connectionId));
  const github = async (config?: Record<string, unknown>) =>
    insertCiConnection(handle.db, "github", {
      config: config ?? { repositories: [], defaultProjectId: projectId },
    });
  const completedRun = () =>
    githubExample(
      "workflow_run",
      (e) => e.workflow_run.status === "completed" && e.workflow_run.conclusion === "success",
    );

  describe("GitHub", () => {
    it("stores a signed delivery as pending and answers 202 after the commit", async () => {
      const { connection, secret } = await github();
      const response = await githubPost(
        githubRequest(connection.id, secret, "workflow_run", completedRun(), { delivery: "d-1" }),
        routeParams(connection.id),
      );
      expect(response.status).toBe(202);
      const body = await response.json();
      expect(body).toEqual({ status: "accepted", delivery: expect.any(Number) });
      const [row] = await deliveries(connection.id);
      expect(row).toMatchObject({
        id: body.delivery,
        deliveryId: "d-1",
        event: "workflow_run",
        outcome: "pending",
      });
      expect(row!.headers["x-github-event"]).toBe("workflow_run");
      expect(row!.headers).not.toHaveProperty("x-hub-signature-256");
      const [stored] = await handle.db.select().from(connections).where(eq(connections.id, connection.id));
      expect(stored!.lastDeliveryAt).toBeInstanceOf(Date);
    });

    it("answers 401 and stores nothing for a bad or missing signature", async () => {
      const { connection, secret } = await github();
      const wrong = githubRequest(connection.id, "not the secret", "workflow_run", completedRun());
      expect((await githubPost(wrong, routeParams(connection.id))).status).toBe(401);
      const missing = githubRequest(connection.id, secret, "workflow_run", completedRun(), { signature: "" });
      const response = await githubPost(missing, routeParams(connection.id));
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe("unauthenticated");
      expect(await deliveries(connection.id)).toHaveLength(0);
    });

    it("answers 401 when the connection has no webhook secret", async () => {
      const { connection } = await insertCiConnection(handle.db, "github", { secret: null });
      const request = githubRequest(connection.id, "", "workflow_run", completedRun());
      expect((await githubPost(request, routeParams(connection.id))).status).toBe(401);
    });

    it("answers 400 and stores nothing for a signed but malformed body", async () => {
      const { connection, secret } = await github();
      const response = await githubPost(
        githubRequest(connection.id, secret, "workflow_run", '{"workflow_run": '),
        routeParams(connection.id),
      );
      expect(response.status).toBe(400);
      expect((await response.json()).error).toEqual({ code: "invalid_request", message: expect.any(String) });
      expect(await deliveries(connection.id)).toHaveLength(0);
    });

    it("answers 404 for an unknown, malformed, disabled or other-kind connection", async () => {
      const { connection: disabled, secret } = await insertCiConnection(handle.db, "github", {
        enabled: false,
      });
      const { connection: gitlab, secret: gitlabSecret } = await insertCiConnection(handle.db, "gitlab");
      const cases: [string, string][] = [
        ["6f1c2f4e-8a8b-4c52-9a55-1b1f0f3c9d11", secret],
        ["not-a-uuid", secret],
        [disabled.id, secret],
        [gitlab.id, gitlabSecret],
      ];
      for (const [id, key] of cases) {
        const response = await githubPost(
          githubRequest(id, key, "workflow_run", completedRun()),
          routeParams(id),
        );
        expect(response.status).toBe(404);
        expect((await response.json()).error.code).toBe("not_found");
      }
      expect(await deliveries(disabled.id)).toHaveLength(0);
    });

    it("answers 2xx to a repeated delivery id and keeps one row", async () => {
      const { connection, secret } = await github();
      const send = () =>
        githubPost(
          githubRequest(connection.id, secret, "workflow_run", completedRun(), { delivery: "same" }),
          routeParams(connection.id),
        );
      expect((await send()).status).toBe(202);
      const again = await send();
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ status: "duplicate" });
      expect(await deliveries(connection.id)).toHaveLength(1);
    });

    it("stores events Tandem ignores as ignored and answers 202", async () => {
      const { connection, secret } = await github();
      const response = await githubPost(
        githubRequest(connection.id, secret, "push", { ref: "refs/heads/main" }),
        routeParams(connection.id),
      );
      expect(response.status).toBe(202);
      expect((await response.json()).status).toBe("ignored");
      const [row] = await deliveries(connection.id);
      expect(row).toMatchObject({ event: "push", outcome: "ignored" });
      expect(row!.processedAt).toBeInstanceOf(Date);
    });

    it("answers ping with pong and records it as processed", async () => {
      const { connection, secret } = await github();
      const ping = githubExample("ping");
      const response = await githubPost(
        githubRequest(connection.id, secret, "ping", ping),
        routeParams(connection.id),
      );
      expect(response.status).toBe(200);
      expect((await response.json()).status).toBe("pong");
      expect((await deliveries(connection.id))[0]!.outcome).toBe("processed");
    });

    it("answers 413 above the documented limit and stores nothing", async () => {
      const { connection, secret } = await github();
      const huge = JSON.stringify({ padding: "x".repeat(WEBHOOK_BODY_LIMIT_BYTES) });
      const response = await githubPost(
        githubRequest(connection.id, secret, "workflow_run", huge),
        routeParams(connection.id),
      );
      expect(response.status).toBe(413);
      expect((await response.json()).error.code).toBe("payload_too_large");
      expect(await deliveries(connection.id)).toHaveLength(0);
    });

    it("normalizes a stored delivery into a run of the mapped project", async () => {
      const { connection, secret } = await github({
        repositories: [{ name: "octo-org/octo-repo", projectId }],
      });
      const response = await githubPost(
        githubRequest(connection.id, secret, "workflow_run", completedRun()),
        routeParams(connection.id),
      );
      const { delivery } = await response.json();
      const result = await normalizeDelivery(handle.db, delivery);
      expect(result).toMatchObject({ outcome: "processed", skipped: false });
      const [run] = await handle.db
        .select()
        .from(pipelineRuns)
        .where(eq(pipelineRuns.externalId, "289782451"));
      expect(run).toMatchObject({ projectId, provider: "github", status: "succeeded", branch: "master" });
      expect((await deliveries(connection.id))[0]).toMatchObject({ outcome: "processed", error: null });
    });

    it("keeps a completed run succeeded when a late in_progress arrives", async () => {
      const { connection, secret } = await github({
        repositories: [{ name: "octo-org/octo-repo", projectId }],
      });
      const done = completedRun();
      done.workflow_run.id = 777001;
      const late = structuredClone(done);
      late.workflow_run.status = "in_progress";
      late.workflow_run.conclusion = null;
      late.workflow_run.updated_at = "2020-10-05T16:33:30Z";
      for (const body of [done, late]) {
        const response = await githubPost(
          githubRequest(connection.id, secret, "workflow_run", body),
          routeParams(connection.id),
        );
        await normalizeDelivery(handle.db, (await response.json()).delivery);
      }
      const [run] = await handle.db.select().from(pipelineRuns).where(eq(pipelineRuns.externalId, "777001"));
      expect(run).toMatchObject({ status: "succeeded" });
      expect(run!.finishedAt?.toISOString()).toBe("2020-10-05T16:33:49.000Z");
    });
  });

  describe("GitLab", () => {
    it("answers 401 and stores nothing for a wrong token", async () => {
      const { connection } = await insertCiConnection(handle.db, "gitlab");
      const request = gitlabRequest(connection.id, "wrong-token", "Pipeline Hook", gitlabPipeline);
      expect((await gitlabPost(request, routeParams(connection.id))).status).toBe(401);
      expect(await deliveries(connection.id)).toHaveLength(0);
    });

    it("stores a Pipeline Hook and normalizes it into a run with its jobs", async () => {
      const { connection, secret } = await insertCiConnection(handle.db, "gitlab", {
        config: { repositories: [{ name: "gitlab-org/gitlab-test", projectId }] },
      });
      const response = await gitlabPost(
        gitlabRequest(connection.id, secret, "Pipeline Hook", gitlabPipeline, { uuid: "gl-1" }),
        routeParams(connection.id),
      );
      expect(response.status).toBe(202);
      const { delivery } = await response.json();
      expect((await deliveries(connection.id))[0]).toMatchObject({ deliveryId: "gl-1", outcome: "pending" });
      await normalizeDelivery(handle.db, delivery);
      const [run] = await handle.db.select().from(pipelineRuns).where(eq(pipelineRuns.provider, "gitlab"));
      expect(run).toMatchObject({ externalId: "31", status: "succeeded", projectId });
      const jobs = await handle.db.select().from(pipelineJobs).where(eq(pipelineJobs.runId, run!.id));
      expect(jobs).toHaveLength(5);
    });
  });

  describe("Azure DevOps", () => {
    it("answers 401 and stores nothing for wrong basic auth or a wrong secret header", async () => {
      const { connection } = await insertCiConnection(handle.db, "azure_devops");
      for (const auth of [{ password: "wrong" }, { header: "wrong" }, {}]) {
        const response = await azurePost(
          azureRequest(connection.id, auth, azureBuild),
          routeParams(connection.id),
        );
        expect(response.status).toBe(401);
      }
      expect(await deliveries(connection.id)).toHaveLength(0);
    });

    it("accepts basic auth or the secret header and maps by Azure project name", async () => {
      const { connection, secret } = await insertCiConnection(handle.db, "azure_devops", {
        config: { repositories: [{ name: "fabrikamfiberchat", projectId }] },
      });
      const basic = await azurePost(
        azureRequest(connection.id, { password: secret }, azureBuild),
        routeParams(connection.id),
      );
      expect(basic.status).toBe(202);
      const other = { ...azureBuild, id: "b7a1f2c3-0000-4000-8000-000000000001" };
      const header = await azurePost(
        azureRequest(connection.id, { header: secret }, other),
        routeParams(connection.id),
      );
      expect(header.status).toBe(202);
      expect(await deliveries(connection.id)).toHaveLength(2);
      await normalizeDelivery(handle.db, (await basic.json()).delivery);
      const [run] = await handle.db.select().from(pipelineRuns).where(eq(pipelineRuns.externalId, "2727068"));
      expect(run).toMatchObject({ provider: "azure_devops", status: "succeeded", branch: "main", projectId });
    });
  });
});
