// Fixtures are the payload examples of GitLab's "Webhook events" page,
// https://docs.gitlab.com/user/project/integrations/webhook_events/ (Pipeline, Job and
// Deployment events), saved verbatim except that the Job example's // comments and trailing
// comma were removed to make it JSON.
import { describe, expect, it } from "vitest";
import { editable } from "@/lib/providers/shared/testing/payloads";
import pipelineHook from "./fixtures/pipeline-hook.json";
import { mapGitlabPipeline } from "./map-pipeline";
import { gitlabRunStatus } from "./map-status";

const clone = () => editable(pipelineHook);
function run(body: unknown) {
  const effect = mapGitlabPipeline(body);
  if (effect.kind !== "run") throw new Error("expected a run");
  return effect;
}

describe("gitlabRunStatus", () => {
  it.each([
    ["created", "queued"],
    ["waiting_for_resource", "queued"],
    ["preparing", "queued"],
    ["pending", "queued"],
    ["scheduled", "queued"],
    ["manual", "queued"],
    ["running", "running"],
    ["canceling", "running"],
    ["success", "succeeded"],
    ["failed", "failed"],
    ["canceled", "cancelled"],
    ["skipped", "skipped"],
  ] as const)("%s → %s", (status, expected) => {
    expect(gitlabRunStatus(status)).toBe(expected);
  });
});

describe("mapGitlabPipeline (GitLab's Pipeline Hook example)", () => {
  it("maps the pipeline as a run of the project's pipeline", () => {
    const effect = run(clone());
    expect(effect.repositories).toEqual(["gitlab-org/gitlab-test", "1"]);
    expect(effect.draft.pipeline).toEqual({
      provider: "gitlab",
      externalId: "1",
      name: "gitlab-org/gitlab-test",
      repository: "gitlab-org/gitlab-test",
      url: "http://192.168.64.1:3005/gitlab-org/gitlab-test/-/pipelines",
    });
    expect(effect.draft.run).toEqual({
      externalId: "31",
      runNumber: 3,
      status: "succeeded",
      title: "Pipeline for branch: master",
      commitSha: "bcbb5ec396a2c0f828686f14fac9b80b780504f2",
      branch: "master",
      actor: "root",
      trigger: "merge_request_event",
      url: "http://example.com/gitlab-org/gitlab-test/-/pipelines/31",
      queuedAt: new Date("2016-08-12T15:23:28Z"),
      startedAt: new Date("2016-08-12T15:24:56Z"),
      finishedAt: new Date("2016-08-12T15:26:29Z"),
      providerUpdatedAt: new Date("2016-08-12T15:26:29Z"),
    });
  });

  it("maps builds to jobs ordered by stage, with their stage, runner and status", () => {
    const { draft } = run(clone());
    expect(draft.jobs!.map((j) => [j.name, j.stage, j.status, j.position])).toEqual([
      ["build-image", "build", "succeeded", 0],
      ["test-image", "test", "succeeded", 1],
      ["test-build", "test", "failed", 2],
      ["staging", "deploy", "queued", 3],
      ["production", "deploy", "skipped", 4],
    ]);
    expect(draft.jobs![0]).toMatchObject({
      externalId: "376",
      runner: "shared-runners-manager-6.gitlab.com",
      url: "http://192.168.64.1:3005/gitlab-org/gitlab-test/-/jobs/376",
      startedAt: new Date("2016-08-12T15:24:56Z"),
      finishedAt: new Date("2016-08-12T15:25:26Z"),
    });
  });

  it("orders events of one pipeline by the latest time they mention (no updated_at in the hook)", () => {
    const early = clone();
    early.object_attributes.status = "running";
    early.object_attributes.finished_at = null;
    for (const b of early.builds) {
      b.finished_at = null;
      if (b.name !== "build-image") b.started_at = null;
    }
    const running = run(early).draft.run;
    const done = run(clone()).draft.run;
    expect(running).toMatchObject({ status: "running", finishedAt: null });
    expect(running.providerUpdatedAt!.getTime()).toBeLessThan(done.providerUpdatedAt!.getTime());
  });

  it("accepts a hook without builds and fails one without object_attributes.id", () => {
    const bare = clone();
    delete bare.builds;
    expect(run(bare).draft.jobs).toEqual([]);
    const broken = clone();
    delete broken.object_attributes.id;
    expect(() => mapGitlabPipeline(broken)).toThrow(/object_attributes\.id/);
  });
});
