import { describe, expect, it } from "vitest";
import type { Payload } from "@/lib/providers/shared/testing/payloads";
import { mapWorkflowJob, PLACEHOLDER_PIPELINE_PREFIX } from "./map-workflow-job";
import { githubExample, githubExamples } from "./testing/examples";

type JobsEffect = Extract<ReturnType<typeof mapWorkflowJob>, { kind: "jobs" }>;
function jobs(body: unknown): JobsEffect {
  const effect = mapWorkflowJob(body);
  if (effect.kind !== "jobs") throw new Error(`expected jobs, got ${effect.kind}`);
  return effect;
}

describe("mapWorkflowJob (GitHub's examples)", () => {
  it("maps every example", () => {
    for (const example of githubExamples("workflow_job")) expect(jobs(example).jobs).toHaveLength(1);
  });

  it("maps a failed job into run run_id, found by commit", () => {
    const effect = jobs(githubExample("workflow_job", (e) => e.workflow_job.conclusion === "failure"));
    expect(effect.runExternalId).toBe("2202229078");
    expect(effect.lookup).toEqual({ commitSha: "3484a3fb816e0859fd6e1cea078d76385ff50625" });
    expect(effect.repositories).toEqual(["Codertocat/Hello-World"]);
    expect(effect.jobs[0]).toEqual({
      externalId: "289782451",
      name: "linters",
      status: "failed",
      runner: "GitHub Actions 5",
      url: "https://github.com/octo-org/octo-repo/runs/1291536064",
      startedAt: new Date("2021-08-05T10:34:58Z"),
      finishedAt: new Date("2021-08-05T10:38:16Z"),
    });
  });

  it("sketches a running run under a placeholder pipeline named after the workflow", () => {
    const effect = jobs(githubExample("workflow_job", (e) => e.workflow_job.conclusion === "success"));
    expect(effect.fallback.pipeline).toMatchObject({
      provider: "github",
      externalId: `${PLACEHOLDER_PIPELINE_PREFIX}CodeQL`,
      name: "CodeQL",
    });
    expect(effect.fallback.run).toMatchObject({
      externalId: "2202229078",
      status: "running",
      attempt: 1,
      providerUpdatedAt: null,
      queuedAt: new Date("2021-08-05T10:33:58Z"),
    });
  });

  it("keeps queued and waiting jobs (and their sketched run) queued and not started", () => {
    for (const example of githubExamples("workflow_job").filter((e: Payload) =>
      ["queued", "waiting"].includes(e.workflow_job.status),
    )) {
      const effect = jobs(example);
      expect(effect.jobs[0]).toMatchObject({ status: "queued", startedAt: null });
      expect(effect.fallback.run.status).toBe("queued");
    }
  });

  it("uses a default workflow name when the payload has none", () => {
    const body = githubExample("workflow_job", (e) => e.workflow_job.workflow_name === undefined);
    expect(jobs(body).fallback.pipeline.name).toBe("GitHub Actions");
  });

  it("refuses a job without run_id", () => {
    const body = githubExample("workflow_job");
    delete body.workflow_job.run_id;
    expect(() => mapWorkflowJob(body)).toThrow(/run_id/);
  });
});
