import { describe, expect, it } from "vitest";
import { editable } from "@/lib/providers/shared/testing/payloads";
import deploymentHook from "./fixtures/deployment-hook.json";
import { type ApiDeployment, type ApiEnvironment, mapGitlabApiDeployment } from "./map-api-deployment";
import { mapGitlabDeployment } from "./map-deployment";

const project = {
  id: 30,
  name: "test-deployment-webhooks",
  path_with_namespace: "root/test-deployment-webhooks",
  web_url: "http://10.126.0.2:3000/root/test-deployment-webhooks",
};
const sha = "279484c09fbe69ededfced8c1bb6e6d24616b468";

/** The deployment the fixture hook announces, as "List project deployments" returns it. */
function listed(status = "success"): ApiDeployment {
  return {
    id: 15,
    iid: 2,
    ref: "master",
    sha,
    created_at: "2021-04-28T19:48:30.000Z",
    updated_at: "2021-04-28T19:50:00.000Z",
    status,
    user: { username: "root", name: "Administrator" },
    environment: { id: 7, name: "staging", external_url: "https://staging.example.com" },
    deployable: {
      id: 796,
      status,
      web_url: "http://10.126.0.2:3000/root/test-deployment-webhooks/-/jobs/796",
      finished_at: "2021-04-28T19:50:00.000Z",
      commit: { title: "Add new file" },
      pipeline: { id: 120 },
    },
  };
}
const environments = new Map<number, ApiEnvironment>([
  [
    7,
    { id: 7, name: "staging", slug: "staging", external_url: "https://staging.example.com", tier: "staging" },
  ],
]);

describe("mapGitlabApiDeployment", () => {
  it("stores what the Deployment Hook stores, starting at the deployment's creation", () => {
    const fromHook = mapGitlabDeployment(editable(deploymentHook));
    const fromApi = mapGitlabApiDeployment(listed(), project, environments);
    if (fromHook.kind !== "deployment" || fromApi.kind !== "deployment")
      throw new Error("expected deployments");
    expect(fromApi.repositories).toEqual(fromHook.repositories);
    expect({ ...fromApi.draft, startedAt: null }).toEqual({ ...fromHook.draft, startedAt: null });
    expect(fromApi.draft.startedAt).toEqual(new Date("2021-04-28T19:48:30.000Z"));
  });

  it.each([
    ["created", "queued"],
    ["running", "in_progress"],
    ["success", "succeeded"],
    ["failed", "failed"],
    ["canceled", "cancelled"],
    ["skipped", "cancelled"],
  ])("maps %s as the webhook does (%s)", (status, expected) => {
    const hook = { ...editable(deploymentHook), status };
    const fromHook = mapGitlabDeployment(hook);
    const fromApi = mapGitlabApiDeployment(listed(status), project, environments);
    if (fromHook.kind !== "deployment" || fromApi.kind !== "deployment")
      throw new Error("expected deployments");
    expect(fromApi.draft.status).toBe(expected);
    expect(fromHook.draft.status).toBe(expected);
    expect(Boolean(fromApi.draft.finishedAt)).toBe(Boolean(fromHook.draft.finishedAt));
  });

  it("opens the same gate as the webhook for a blocked deployment", () => {
    const fromHook = mapGitlabDeployment({ ...editable(deploymentHook), status: "blocked" });
    const fromApi = mapGitlabApiDeployment(listed("blocked"), project, environments);
    expect(fromApi).toMatchObject({ kind: "gate" });
    if (fromHook.kind !== "gate" || fromApi.kind !== "gate") throw new Error("expected gates");
    expect(fromApi.draft.key).toBe(fromHook.draft.key);
    expect(fromApi.draft.ref).toEqual(fromHook.draft.ref);
  });

  it("takes the slug from List environments when the embedded environment has none", () => {
    const renamed = new Map([[7, { id: 7, name: "Staging EU", slug: "staging-eu" }]]);
    const deployment = { ...listed(), environment: { id: 7, name: "Staging EU" } };
    const effect = mapGitlabApiDeployment(deployment, project, renamed);
    expect(effect).toMatchObject({ draft: { environments: ["Staging EU", "staging-eu"] } });
    expect(mapGitlabApiDeployment(deployment, project, new Map())).toMatchObject({
      draft: { environments: ["Staging EU"] },
    });
  });

  it("rejects as invalid (sync skips it) a deployment without an environment or a sha", () => {
    expect(() => mapGitlabApiDeployment({ ...listed(), environment: null }, project, environments)).toThrow(
      /Deployment Hook payload is not valid/,
    );
    expect(() => mapGitlabApiDeployment({ ...listed(), sha: null }, project, environments)).toThrow(
      /short_sha/,
    );
  });
});
