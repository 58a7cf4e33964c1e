import { describe, expect, it } from "vitest";
import { githubRunStatus } from "./map-status";
import { mapWorkflowRun } from "./map-workflow-run";
import { githubExample, githubExamples } from "./testing/examples";

const completed = () =>
  githubExample(
    "workflow_run",
    (e) => e.workflow_run.status === "completed" && e.workflow_run.conclusion === "success",
  );
const requested = () =>
  githubExample("workflow_run", (e) => e.action === "requested" && e.workflow_run.status === "queued");

describe("githubRunStatus", () => {
  it.each([
    ["requested", null, "queued"],
    ["queued", null, "queued"],
    ["pending", null, "queued"],
    ["waiting", null, "queued"],
    ["in_progress", null, "running"],
    ["completed", "success", "succeeded"],
    ["completed", "neutral", "succeeded"],
    ["completed", "failure", "failed"],
    ["completed", "timed_out", "failed"],
    ["completed", "startup_failure", "failed"],
    ["completed", "cancelled", "cancelled"],
    ["completed", "stale", "cancelled"],
    ["completed", "skipped", "skipped"],
    ["completed", "action_required", "queued"],
    ["completed", "something_new", "failed"],
  ] as const)("%s / %s → %s", (status, conclusion, expected) => {
    expect(githubRunStatus(status, conclusion)).toBe(expected);
  });
});

describe("mapWorkflowRun (GitHub's examples)", () => {
  it("maps every example without throwing", () => {
    for (const example of githubExamples("workflow_run")) expect(mapWorkflowRun(example).kind).toBe("run");
  });

  it("maps a completed run: pipeline from the workflow, fields from the run", () => {
    const effect = mapWorkflowRun(completed());
    if (effect.kind !== "run") throw new Error("expected a run");
    expect(effect.repositories).toEqual(["octo-org/octo-repo"]);
    expect(effect.adoptPlaceholders).toBe(true);
    expect(effect.draft.pipeline).toEqual({
      provider: "github",
      externalId: "2823525",
      name: "test",
      repository: "octo-org/octo-repo",
      url: expect.stringContaining("https://"),
    });
    expect(effect.draft.run).toMatchObject({
      externalId: "289782451",
      runNumber: expect.any(Number),
      attempt: 1,
      status: "succeeded",
      commitSha: expect.stringMatching(/^[0-9a-f]{40}$/),
      branch: "master",
      actor: "Codertocat",
      trigger: "repository_dispatch",
      url: expect.stringContaining("/actions/runs/"),
      queuedAt: new Date("2020-10-05T16:33:24Z"),
      finishedAt: new Date("2020-10-05T16:33:49Z"),
      providerUpdatedAt: new Date("2020-10-05T16:33:49Z"),
    });
  });

  it("maps a requested run as queued, not started and not finished", () => {
    const effect = mapWorkflowRun(requested());
    if (effect.kind !== "run") throw new Error("expected a run");
    expect(effect.draft.run).toMatchObject({ status: "queued", startedAt: null, finishedAt: null });
  });

  it("maps an in_progress run (a requested example moved on) as running, started, not finished", () => {
    const body = requested();
    body.workflow_run.status = "in_progress";
    body.workflow_run.updated_at = "2020-10-05T16:33:40Z";
    const effect = mapWorkflowRun(body);
    if (effect.kind !== "run") throw new Error("expected a run");
    expect(effect.draft.run).toMatchObject({ status: "running", finishedAt: null });
    expect(effect.draft.run.startedAt).toBeInstanceOf(Date);
  });

  it("gives a late in_progress an older provider time than the completed it lost the race to", () => {
    const done = mapWorkflowRun(completed());
    const late = completed();
    late.workflow_run.status = "in_progress";
    late.workflow_run.conclusion = null;
    late.workflow_run.updated_at = "2020-10-05T16:33:30Z";
    const stale = mapWorkflowRun(late);
    if (done.kind !== "run" || stale.kind !== "run") throw new Error("expected runs");
    expect(stale.draft.run.providerUpdatedAt!.getTime()).toBeLessThan(
      done.draft.run.providerUpdatedAt!.getTime(),
    );
  });

  it("carries run_attempt so a re-run outranks the first attempt", () => {
    const rerun = completed();
    rerun.workflow_run.run_attempt = 2;
    rerun.workflow_run.status = "queued";
    const effect = mapWorkflowRun(rerun);
    if (effect.kind !== "run") throw new Error("expected a run");
    expect(effect.draft.run.attempt).toBe(2);
  });

  it("refuses a payload without the documented fields, naming them", () => {
    const body = completed();
    delete body.workflow_run.workflow_id;
    expect(() => mapWorkflowRun(body)).toThrow(/workflow_id/);
  });
});
