import { describe, expect, it } from "vitest";
import { gitlabWebhook } from "./webhook";

describe("gitlabWebhook", () => {
  it("accepts the exact token and refuses any other, of any length", async () => {
    const verify = (token?: string) =>
      gitlabWebhook.verify(
        new Headers(token === undefined ? {} : { "x-gitlab-token": token }),
        "{}",
        "s3cret",
      );
    expect(await verify("s3cret")).toBe(true);
    expect(await verify("s3cre")).toBe(false);
    expect(await verify("S3CRET")).toBe(false);
    expect(await verify("")).toBe(false);
    expect(await verify("a much longer token than the secret")).toBe(false);
    expect(await verify()).toBe(false);
  });

  it("names events by X-Gitlab-Event and deliveries by X-Gitlab-Event-UUID (or a body digest)", () => {
    const headers = new Headers({
      "x-gitlab-event": "Pipeline Hook",
      "x-gitlab-event-uuid": "f8a6e9d6-7b2c",
    });
    expect(gitlabWebhook.eventOf(headers, {})).toBe("Pipeline Hook");
    expect(gitlabWebhook.deliveryIdOf(headers, {}, "{}")).toBe("f8a6e9d6-7b2c");
    expect(gitlabWebhook.deliveryIdOf(new Headers(), {}, "{}")).toMatch(/^sha256:/);
    expect(["Pipeline Hook", "Job Hook", "Deployment Hook"].every(gitlabWebhook.isAccepted)).toBe(true);
    expect(gitlabWebhook.isAccepted("Push Hook")).toBe(false);
  });
});
