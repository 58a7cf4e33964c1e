// Fixtures are the sample payloads of Azure DevOps "Service hooks events",
// https://learn.microsoft.com/en-us/azure/devops/service-hooks/events (Build completed; Run,
// Run stage and Run job state changed), saved verbatim. build-complete-xaml.json is the
// older (XAML-era) sample of the same page, whose result is in `status`.
import { describe, expect, it } from "vitest";
import { editable } from "@/lib/providers/shared/testing/payloads";
import buildComplete from "./fixtures/build-complete.json";
import buildCompleteXaml from "./fixtures/build-complete-xaml.json";
import { mapAzureBuild } from "./map-build";
import { azureRunStatus } from "./map-status";

function run(body: unknown) {
  const effect = mapAzureBuild(structuredClone(body));
  if (effect.kind !== "run") throw new Error("expected a run");
  return effect;
}

describe("azureRunStatus", () => {
  it.each([
    ["completed", "succeeded", "succeeded"],
    ["completed", "partiallySucceeded", "succeeded"],
    ["completed", "failed", "failed"],
    ["completed", "canceled", "cancelled"],
    ["completed", "skipped", "skipped"],
    ["completed", "rejected", "failed"],
    ["inProgress", null, "running"],
    ["canceling", null, "running"],
    ["notStarted", null, "queued"],
    ["waiting", null, "queued"],
    ["running", null, "running"],
    ["succeeded", null, "succeeded"],
    ["stopped", null, "cancelled"],
  ] as const)("%s / %s → %s", (state, result, expected) => {
    expect(azureRunStatus(state, result)).toBe(expected);
  });

  it("refuses a completed state without a known result", () => {
    expect(() => azureRunStatus("completed", null)).toThrow(/result/);
    expect(() => azureRunStatus("exploded", null)).toThrow(/exploded/);
  });
});

describe("mapAzureBuild (the build.complete samples)", () => {
  it("maps the current sample: definition → pipeline, build → run", () => {
    const effect = run(buildComplete);
    expect(effect.draft.pipeline).toEqual({
      provider: "azure_devops",
      externalId: "4658",
      name: "MainRepo (1)",
      repository: "MainRepo",
    });
    expect(effect.draft.run).toEqual({
      externalId: "2727068",
      status: "succeeded",
      title: "20241202.1",
      // The sample's sourceVersion is an anonymized GUID, not a commit: it is dropped.
      commitSha: null,
      branch: "main",
      actor: "Fabrikam Fiber",
      trigger: "manual",
      url: "https://dev.azure.com/FabrikamFiber/e4e4e4e4-ffff-aaaa-bbbb-c5c5c5c5c5c5/_build/results?buildId=2727068",
      queuedAt: new Date("2024-12-02T12:18:45.736Z"),
      startedAt: new Date("2024-12-02T12:18:56.620Z"),
      finishedAt: new Date("2024-12-02T12:21:08.520Z"),
      providerUpdatedAt: new Date("2024-12-02T12:21:08.960Z"),
    });
  });

  it("offers the project's name before ids for the repository mapping", () => {
    expect(run(buildComplete).repositories).toEqual([
      "FabrikamFiberChat",
      "e4e4e4e4-ffff-aaaa-bbbb-c5c5c5c5c5c5",
      "33dd33dd-ee44-ff55-aa66-77bb77bb77bb",
      "22cc22cc-dd33-ee44-ff55-66aa66aa66aa",
      "00aa00aa-bb11-cc22-dd33-44ee44ee44ee",
    ]);
  });

  it("keeps a hex sourceVersion as the commit and maps partiallySucceeded and canceled", () => {
    const body = editable(buildComplete);
    body.resource.sourceVersion = "6C2C6E3D1A5B8F1E4D2C3B4A5F6E7D8C9B0A1F2E";
    body.resource.result = "partiallySucceeded";
    expect(run(body).draft.run).toMatchObject({
      commitSha: "6c2c6e3d1a5b8f1e4d2c3b4a5f6e7d8c9b0a1f2e",
      status: "succeeded",
    });
    body.resource.result = "canceled";
    expect(run(body).draft.run.status).toBe("cancelled");
  });

  it("maps the XAML-era sample, whose result is in status and actor in requests", () => {
    const effect = run(buildCompleteXaml);
    expect(effect.draft.run).toMatchObject({
      externalId: "2",
      status: "succeeded",
      actor: "Normal Paulk",
      queuedAt: new Date("2015-04-07T18:04:06.830Z"),
      finishedAt: new Date("2015-04-07T18:06:10.690Z"),
    });
    expect(effect.repositories).toEqual(["be9b3917-87e6-42a4-a549-2bc06a7a878f"]);
  });
});
