// Fixtures: GitLab's "Webhook events" page, https://docs.gitlab.com/user/project/integrations/webhook_events/
import { describe, expect, it } from "vitest";
import { editable } from "@/lib/providers/shared/testing/payloads";
import deploymentHook from "./fixtures/deployment-hook.json";
import jobHook from "./fixtures/job-hook.json";
import { mapGitlabDeployment } from "./map-deployment";
import { mapGitlabJob } from "./map-job";
import { gitlabDeploymentStatus } from "./map-status";

describe("mapGitlabJob (GitLab's Job Hook example)", () => {
  it("maps the job into pipeline pipeline_id, found by its project's pipeline", () => {
    const effect = mapGitlabJob(structuredClone(jobHook));
    if (effect.kind !== "jobs") throw new Error("expected jobs");
    expect(effect.repositories).toEqual(["gitlab-org/gitlab-test", "380"]);
    expect(effect.runExternalId).toBe("2366");
    expect(effect.lookup).toEqual({ pipelineExternalId: "380" });
    expect(effect.jobs).toEqual([
      {
        externalId: "1977",
        name: "test",
        stage: "test",
        status: "queued",
        runner: "shared-runners-manager-6.gitlab.com",
        url: "http://192.168.64.1:3005/gitlab-org/gitlab-test/-/jobs/1977",
        startedAt: null,
        finishedAt: null,
      },
    ]);
    expect(effect.fallback.run).toMatchObject({
      externalId: "2366",
      status: "queued",
      title: "Build pipeline",
      commitSha: "2293ada6b400935a1378653304eaf6221e0fdb8f",
      branch: "gitlab-script-trigger",
      queuedAt: new Date("2021-02-23T02:41:37.886Z"),
      providerUpdatedAt: null,
    });
  });

  it("maps a finished job with its times", () => {
    const body = editable(jobHook);
    Object.assign(body, {
      build_status: "success",
      build_started_at: "2021-02-23T02:42:00.000Z",
      build_finished_at: "2021-02-23 02:45:00 UTC",
    });
    body.commit.status = "running";
    const effect = mapGitlabJob(body);
    if (effect.kind !== "jobs") throw new Error("expected jobs");
    expect(effect.jobs[0]).toMatchObject({
      status: "succeeded",
      startedAt: new Date("2021-02-23T02:42:00Z"),
      finishedAt: new Date("2021-02-23T02:45:00Z"),
    });
    expect(effect.fallback.run.status).toBe("running");
  });
});

describe("mapGitlabDeployment (GitLab's Deployment Hook example)", () => {
  it.each([
    ["created", "queued"],
    ["blocked", "queued"],
    ["running", "in_progress"],
    ["success", "succeeded"],
    ["failed", "failed"],
    ["canceled", "cancelled"],
    ["skipped", "cancelled"],
  ] as const)("status %s → %s", (status, expected) => {
    expect(gitlabDeploymentStatus(status)).toBe(expected);
  });

  it("maps the deployment to its environment, commit and job", () => {
    const effect = mapGitlabDeployment(structuredClone(deploymentHook));
    if (effect.kind !== "deployment") throw new Error("expected a deployment");
    expect(effect.repositories).toEqual(["root/test-deployment-webhooks", "30"]);
    expect(effect.draft).toEqual({
      externalId: "gitlab:15",
      environments: ["staging"],
      status: "succeeded",
      version: "279484c0",
      commitSha: "279484c09fbe69ededfced8c1bb6e6d24616b468",
      actor: "root",
      description: "Add new file",
      url: "http://10.126.0.2:3000/root/test-deployment-webhooks/-/jobs/796",
      startedAt: new Date("2021-04-28T19:50:00Z"),
      finishedAt: new Date("2021-04-28T19:50:00Z"),
      updatedAt: new Date("2021-04-28T19:50:00Z"),
      performedBy: { jobExternalId: "796" },
    });
  });
});
