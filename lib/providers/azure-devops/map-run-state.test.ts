// Fixtures: Azure DevOps "Service hooks events", https://learn.microsoft.com/en-us/azure/devops/service-hooks/events
import { describe, expect, it } from "vitest";
import { editable } from "@/lib/providers/shared/testing/payloads";
import jobState from "./fixtures/job-state-changed.json";
import runState from "./fixtures/run-state-changed.json";
import stageState from "./fixtures/stage-state-changed.json";
import { mapAzureRunState } from "./map-run-state";

function run(body: unknown) {
  const effect = mapAzureRunState(structuredClone(body));
  if (effect.kind !== "run") throw new Error("expected a run");
  return effect;
}

describe("mapAzureRunState", () => {
  it("maps run-state-changed: the run's pipeline, state and times", () => {
    const effect = run(runState);
    expect(effect.draft.pipeline).toEqual({
      provider: "azure_devops",
      externalId: "1",
      name: "Pipeline-Name",
    });
    expect(effect.draft.run).toEqual({
      externalId: "11",
      status: "succeeded",
      title: null,
      url: "https://codedev.ms/org/11bb11bb-cc22-dd33-ee44-55ff55ff55ff/_build/results?buildId=11",
      queuedAt: new Date("2024-07-17T21:34:22.338Z"),
      startedAt: new Date("2024-07-17T21:34:22.338Z"),
      finishedAt: new Date("2024-07-17T21:45:22.338Z"),
      providerUpdatedAt: new Date("2024-07-17T21:34:22.338Z"),
    });
    expect(effect.draft.jobs).toEqual([]);
    // No project name in these events: the id from the link is what a mapping can use.
    expect(effect.repositories).toEqual(["11bb11bb-cc22-dd33-ee44-55ff55ff55ff"]);
  });

  it("takes the run id from the payload when present, else from its links", () => {
    const body = editable(runState);
    body.resource.run.id = 12;
    expect(run(body).draft.run.externalId).toBe("12");
    delete body.resource.run.id;
    delete body.resource.run.url;
    expect(run(body).draft.run.externalId).toBe("11");
    delete body.resource.run._links;
    expect(() => mapAzureRunState(body)).toThrow(/run id/);
  });

  it("maps an inProgress run as running and not finished, and canceling as still running", () => {
    const body = editable(runState);
    body.resource.run.state = "inProgress";
    delete body.resource.run.result;
    delete body.resource.run.finishedDate;
    expect(run(body).draft.run).toMatchObject({ status: "running", finishedAt: null });
    body.resource.run.state = "canceling";
    expect(run(body).draft.run.status).toBe("running");
  });

  it("maps stage-state-changed as an update of its run only", () => {
    const effect = run(stageState);
    expect(effect.draft.pipeline.externalId).toBe("2");
    expect(effect.draft.run).toMatchObject({ externalId: "2", status: "succeeded", title: "2" });
    expect(effect.draft.jobs).toEqual([]);
    expect(effect.repositories).toEqual([
      "b1b1b1b1-cccc-dddd-eeee-f2f2f2f2f2f2",
      "00aa00aa-bb11-cc22-dd33-44ee44ee44ee",
    ]);
  });

  it("maps job-state-changed as its run plus the job under its stage", () => {
    const effect = run(jobState);
    expect(effect.draft.run).toMatchObject({ externalId: "2", status: "succeeded" });
    expect(effect.draft.jobs).toEqual([
      {
        externalId: "d3d3d3d3-eeee-ffff-aaaa-b4b4b4b4b4b4",
        name: "__default",
        stage: "__default",
        status: "succeeded",
        url: "https://dev.azure.com/fabrikamfiber/fabrikamfiber-viva/_build/results?buildId=2",
        startedAt: new Date("2024-11-21T16:42:52.776Z"),
        finishedAt: new Date("2024-11-21T16:42:52.776Z"),
      },
    ]);
    // The job's link names the project; the container id comes after it.
    expect(effect.repositories).toEqual(["fabrikamfiber-viva", "00aa00aa-bb11-cc22-dd33-44ee44ee44ee"]);
  });

  it("orders events by the event's createdDate", () => {
    const early = editable(runState);
    early.createdDate = "2024-07-17T21:35:00Z";
    early.resource.run.state = "inProgress";
    delete early.resource.run.result;
    const late = editable(runState);
    late.createdDate = "2024-07-17T21:45:23Z";
    expect(run(early).draft.run.providerUpdatedAt!.getTime()).toBeLessThan(
      run(late).draft.run.providerUpdatedAt!.getTime(),
    );
  });
});
