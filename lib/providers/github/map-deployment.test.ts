import { describe, expect, it } from "vitest";
import { mapDeployment, mapDeploymentStatus } from "./map-deployment";
import { githubDeploymentStatus } from "./map-status";
import { githubExample, githubExamples } from "./testing/examples";

describe("githubDeploymentStatus", () => {
  it.each([
    ["pending", "queued"],
    ["queued", "queued"],
    ["waiting", "queued"],
    ["in_progress", "in_progress"],
    ["success", "succeeded"],
    ["failure", "failed"],
    ["error", "failed"],
    ["inactive", null],
  ] as const)("%s → %s", (state, expected) => {
    expect(githubDeploymentStatus(state)).toBe(expected);
  });
});

describe("GitHub deployments (GitHub's examples)", () => {
  it("maps a created deployment as queued in its environment, released by commit", () => {
    const effect = mapDeployment(githubExample("deployment"));
    if (effect.kind !== "deployment") throw new Error("expected a deployment");
    expect(effect.repositories).toEqual(["Codertocat/Hello-World"]);
    expect(effect.draft).toMatchObject({
      externalId: "github:145988746",
      environments: ["production"],
      status: "queued",
      version: "f95f852b",
      commitSha: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
      actor: "Codertocat",
      startedAt: new Date("2019-05-15T15:20:53Z"),
      performedBy: null,
    });
  });

  it("maps every deployment_status example", () => {
    for (const example of githubExamples("deployment_status")) {
      expect(mapDeploymentStatus(example).kind).toBe("deployment");
    }
  });

  it("maps a success status as finished at the status's time", () => {
    const effect = mapDeploymentStatus(
      githubExample("deployment_status", (e) => e.deployment_status.state === "success"),
    );
    if (effect.kind !== "deployment") throw new Error("expected a deployment");
    expect(effect.draft).toMatchObject({
      status: "succeeded",
      finishedAt: new Date("2019-05-15T15:20:55Z"),
      updatedAt: new Date("2019-05-15T15:20:55Z"),
      url: null,
    });
  });

  it("links an in_progress status to the workflow run that performs it", () => {
    const effect = mapDeploymentStatus(
      githubExample("deployment_status", (e) => e.deployment_status.state === "in_progress"),
    );
    if (effect.kind !== "deployment") throw new Error("expected a deployment");
    expect(effect.draft).toMatchObject({
      status: "in_progress",
      finishedAt: null,
      environments: ["github-pages"],
      performedBy: { runExternalId: "289782451" },
      url: expect.stringContaining("https://github.com/"),
    });
  });

  it("ignores an inactive status with a reason", () => {
    const body = githubExample("deployment_status");
    body.deployment_status.state = "inactive";
    expect(mapDeploymentStatus(body)).toEqual({
      kind: "ignore",
      reason: expect.stringContaining("inactive"),
    });
  });
});
