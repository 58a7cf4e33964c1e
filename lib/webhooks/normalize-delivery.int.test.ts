import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditEvents,
  connections,
  deployments,
  pipelineJobs,
  pipelineRuns,
  pipelines,
  releases,
  webhookDeliveries,
} from "@/lib/db/schema";
import { actorWithRole, expectAppError, insertEnvironment, insertProject } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import azureJobState from "@/lib/providers/azure-devops/fixtures/job-state-changed.json";
import { githubExample } from "@/lib/providers/github/testing/examples";
import gitlabDeploymentHook from "@/lib/providers/gitlab/fixtures/deployment-hook.json";
import gitlabJobHook from "@/lib/providers/gitlab/fixtures/job-hook.json";
import gitlabPipelineHook from "@/lib/providers/gitlab/fixtures/pipeline-hook.json";
import { editable } from "@/lib/providers/shared/testing/payloads";
import { normalizeDelivery } from "./normalize-delivery";
import { replayDelivery } from "./replay-delivery";
import { insertCiConnection, insertDelivery, useWebhookTestKey } from "./testing/webhook-fixtures";

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;

describeEachDatabase("normalizeDelivery", (kind) => {
  let handle: Handle;
  let projectId: string;

  beforeAll(async () => {
    useWebhookTestKey();
    handle = await createTestDatabase(kind);
    projectId = (await insertProject(handle.db)).id;
  });
  afterAll(() => handle.drop());

  const mapped = (name: string) => ({ repositories: [{ name, projectId }] });
  const delivery = async (id: number) =>
    (await handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)))[0]!;
  const runsWith = (externalId: string) =>
    handle.db.select().from(pipelineRuns).where(eq(pipelineRuns.externalId, externalId));

  it("is idempotent: a processed delivery is skipped and changes nothing", async () => {
    const { connection } = await insertCiConnection(handle.db, "github", {
      config: mapped("octo-org/octo-repo"),
    });
    const body = githubExample("workflow_run", (e) => e.workflow_run.conclusion === "success");
    body.workflow_run.id = 5001;
    const row = await insertDelivery(handle.db, connection.id, "workflow_run", body);
    expect(await normalizeDelivery(handle.db, row.id)).toMatchObject({
      outcome: "processed",
      skipped: false,
    });
    const [first] = await runsWith("5001");
    const firstProcessedAt = (await delivery(row.id)).processedAt;
    expect(await normalizeDelivery(handle.db, row.id)).toMatchObject({ outcome: "processed", skipped: true });
    const [second] = await runsWith("5001");
    expect(second).toEqual(first);
    expect((await delivery(row.id)).processedAt).toEqual(firstProcessedAt);
  });

  it("ignores a delivery whose repository maps to no project, saying which", async () => {
    const { connection } = await insertCiConnection(handle.db, "github");
    const row = await insertDelivery(handle.db, connection.id, "workflow_run", githubExample("workflow_run"));
    expect(await normalizeDelivery(handle.db, row.id)).toMatchObject({ outcome: "ignored" });
    expect((await delivery(row.id)).error).toBe("no project mapping for Codertocat/Hello-World");
  });

  it("fails a payload without the documented fields with the validation message, without throwing", async () => {
    const { connection } = await insertCiConnection(handle.db, "github", {
      config: mapped("octo-org/octo-repo"),
    });
    const row = await insertDelivery(handle.db, connection.id, "workflow_run", { workflow_run: { id: 1 } });
    const result = await normalizeDelivery(handle.db, row.id);
    expect(result).toMatchObject({ outcome: "failed" });
    expect((await delivery(row.id)).error).toMatch(/workflow_run payload is not valid.*workflow_id/s);
  });

  it("sketches a run from an early workflow_job, then folds it into the real run", async () => {
    const { connection } = await insertCiConnection(handle.db, "github", {
      config: mapped("Codertocat/Hello-World"),
    });
    const job = githubExample("workflow_job", (e) => e.workflow_job.conclusion === "success");
    const early = await insertDelivery(handle.db, connection.id, "workflow_job", job);
    await normalizeDelivery(handle.db, early.id);
    const [sketch] = await runsWith("2202229078");
    expect(sketch).toMatchObject({ status: "running", commitSha: job.workflow_job.head_sha });

    const run = githubExample("workflow_run", (e) => e.workflow_run.conclusion === "success");
    Object.assign(run.workflow_run, { id: 2202229078, head_sha: job.workflow_job.head_sha });
    run.repository.full_name = "Codertocat/Hello-World";
    await normalizeDelivery(
      handle.db,
      (await insertDelivery(handle.db, connection.id, "workflow_run", run)).id,
    );

    const runs = await runsWith("2202229078");
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "succeeded" });
    const [pipeline] = await handle.db.select().from(pipelines).where(eq(pipelines.id, runs[0]!.pipelineId));
    expect(pipeline!.externalId).toBe("2823525");
    const jobs = await handle.db.select().from(pipelineJobs).where(eq(pipelineJobs.runId, runs[0]!.id));
    expect(jobs.map((j) => [j.name, j.status])).toEqual([["linters", "succeeded"]]);
    expect(await handle.db.select().from(pipelines).where(eq(pipelines.name, "CodeQL"))).toHaveLength(0);

    // A later job of the same run lands on the real run, not a new sketch.
    const later = githubExample("workflow_job", (e) => e.workflow_job.conclusion === "failure");
    later.workflow_job.id = 3001;
    later.workflow_job.name = "tests";
    await normalizeDelivery(
      handle.db,
      (await insertDelivery(handle.db, connection.id, "workflow_job", later)).id,
    );
    expect(await runsWith("2202229078")).toHaveLength(1);
    expect(
      await handle.db.select().from(pipelineJobs).where(eq(pipelineJobs.runId, runs[0]!.id)),
    ).toHaveLength(2);
  });

  it("stores a GitLab job ahead of its pipeline, then lets the Pipeline Hook complete the same run", async () => {
    const { connection } = await insertCiConnection(handle.db, "gitlab", {
      config: mapped("gitlab-org/gitlab-test"),
    });
    const job = editable(gitlabJobHook);
    job.pipeline_id = 31;
    job.project.id = 1;
    job.build_id = 376;
    await normalizeDelivery(handle.db, (await insertDelivery(handle.db, connection.id, "Job Hook", job)).id);
    const [sketch] = await runsWith("31");
    expect(sketch).toMatchObject({ status: "queued", title: "Build pipeline" });

    const hook = await insertDelivery(handle.db, connection.id, "Pipeline Hook", gitlabPipelineHook);
    await normalizeDelivery(handle.db, hook.id);
    const runs = await runsWith("31");
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      status: "succeeded",
      title: "Pipeline for branch: master",
      runNumber: 3,
    });
    expect(
      await handle.db.select().from(pipelineJobs).where(eq(pipelineJobs.runId, runs[0]!.id)),
    ).toHaveLength(5);
  });

  it("records an Azure DevOps job-state change as its run and the job", async () => {
    const { connection } = await insertCiConnection(handle.db, "azure_devops", {
      config: mapped("fabrikamfiber-viva"),
    });
    const row = await insertDelivery(
      handle.db,
      connection.id,
      "ms.vss-pipelines.job-state-changed-event",
      azureJobState,
    );
    expect(await normalizeDelivery(handle.db, row.id)).toMatchObject({ outcome: "processed" });
    const [run] = await handle.db
      .select()
      .from(pipelineRuns)
      .where(and(eq(pipelineRuns.provider, "azure_devops"), eq(pipelineRuns.externalId, "2")));
    expect(run).toMatchObject({ status: "succeeded", projectId });
    const jobs = await handle.db.select().from(pipelineJobs).where(eq(pipelineJobs.runId, run!.id));
    expect(jobs).toMatchObject([{ name: "__default", stage: "__default", status: "succeeded" }]);
  });

  describe("deployments", () => {
    it("records GitHub deployments in the matching environment, never moving a state backwards", async () => {
      const project = await insertProject(handle.db);
      const production = await insertEnvironment(handle.db, project.id, {
        slug: "production",
        name: "Production",
      });
      const { connection } = await insertCiConnection(handle.db, "github", {
        config: { repositories: [{ name: "Codertocat/Hello-World", projectId: project.id }] },
      });
      const created = githubExample("deployment", (e) => e.deployment.environment === "production");
      const success = githubExample("deployment_status", (e) => e.deployment_status.state === "success");
      const lateInProgress = structuredClone(success);
      lateInProgress.deployment_status.state = "in_progress";
      for (const [event, body] of [
        ["deployment", created],
        ["deployment_status", success],
        ["deployment_status", lateInProgress],
        ["deployment", created],
      ] as const) {
        await normalizeDelivery(handle.db, (await insertDelivery(handle.db, connection.id, event, body)).id);
      }
      const rows = await handle.db.select().from(deployments).where(eq(deployments.projectId, project.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        environmentId: production.id,
        status: "succeeded",
        externalId: "github:145988746",
        actor: "Codertocat",
        finishedAt: new Date("2019-05-15T15:20:55Z"),
      });
      const [release] = await handle.db.select().from(releases).where(eq(releases.id, rows[0]!.releaseId!));
      expect(release).toMatchObject({
        version: "f95f852b",
        commitSha: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
      });
    });

    it("ignores a deployment to an environment the project does not have", async () => {
      const { connection } = await insertCiConnection(handle.db, "github", {
        config: mapped("Codertocat/Hello-World"),
      });
      const row = await insertDelivery(handle.db, connection.id, "deployment", githubExample("deployment"));
      expect(await normalizeDelivery(handle.db, row.id)).toMatchObject({ outcome: "ignored" });
      expect((await delivery(row.id)).error).toMatch(/no environment named "production"/);
    });

    it("links a GitLab deployment to the run of the job that performed it", async () => {
      const project = await insertProject(handle.db);
      await insertEnvironment(handle.db, project.id, { slug: "staging", name: "Staging" });
      const { connection } = await insertCiConnection(handle.db, "gitlab", {
        config: { repositories: [{ name: "30", projectId: project.id }] },
      });
      const job = editable(gitlabJobHook);
      Object.assign(job, { build_id: 796, pipeline_id: 90, build_created_at: "2021-04-28T19:40:00Z" });
      job.project = { ...job.project, id: 30, path_with_namespace: "root/test-deployment-webhooks" };
      await normalizeDelivery(
        handle.db,
        (await insertDelivery(handle.db, connection.id, "Job Hook", job)).id,
      );
      const hook = await insertDelivery(handle.db, connection.id, "Deployment Hook", gitlabDeploymentHook);
      expect(await normalizeDelivery(handle.db, hook.id)).toMatchObject({ outcome: "processed" });
      const [deployment] = await handle.db
        .select()
        .from(deployments)
        .where(eq(deployments.projectId, project.id));
      const [run] = await handle.db.select().from(pipelineRuns).where(eq(pipelineRuns.projectId, project.id));
      expect(deployment).toMatchObject({ status: "succeeded", runId: run!.id, externalId: "gitlab:15" });
    });
  });

  describe("replayDelivery", () => {
    it("needs connections:write", async () => {
      const viewer = await actorWithRole(handle.db, "viewer");
      await expectAppError(replayDelivery({ db: handle.db, actor: viewer }, 1), "forbidden");
    });

    it("answers 404 for an unknown delivery", async () => {
      const admin = await actorWithRole(handle.db, "admin");
      await expectAppError(replayDelivery({ db: handle.db, actor: admin }, 987654321), "not_found");
    });

    it("normalizes again after the mapping is fixed, and audits webhook.replay", async () => {
      const admin = await actorWithRole(handle.db, "admin");
      const { connection } = await insertCiConnection(handle.db, "github");
      const body = githubExample("workflow_run", (e) => e.workflow_run.conclusion === "success");
      body.workflow_run.id = 6001;
      const row = await insertDelivery(handle.db, connection.id, "workflow_run", body);
      expect(await normalizeDelivery(handle.db, row.id)).toMatchObject({ outcome: "ignored" });

      await handle.db
        .update(connections)
        .set({ config: mapped("octo-org/octo-repo") })
        .where(eq(connections.id, connection.id));
      const result = await replayDelivery({ db: handle.db, actor: admin }, row.id);
      expect(result).toMatchObject({ outcome: "processed", error: null });
      expect(await runsWith("6001")).toHaveLength(1);
      const audits = await handle.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "webhook.replay"), eq(auditEvents.targetId, String(row.id))));
      expect(audits).toMatchObject([{ targetType: "webhook_delivery", data: { outcome: "processed" } }]);
    });
  });
});
