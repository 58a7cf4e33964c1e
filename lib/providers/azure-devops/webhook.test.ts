import { describe, expect, it } from "vitest";
import { AZURE_SECRET_HEADER, azureDevopsWebhook } from "./webhook";

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
const verify = (headers: Record<string, string>) =>
  azureDevopsWebhook.verify(new Headers(headers), "{}", "s3cret");

describe("azureDevopsWebhook", () => {
  it("accepts basic auth whose password is the secret, whatever the user name", async () => {
    expect(await verify({ authorization: basic("tandem", "s3cret") })).toBe(true);
    expect(await verify({ authorization: basic("", "s3cret") })).toBe(true);
  });

  it("accepts the secret header", async () => {
    expect(await verify({ [AZURE_SECRET_HEADER]: "s3cret" })).toBe(true);
  });

  it("refuses a wrong password, a wrong header, a bearer token and nothing at all", async () => {
    expect(await verify({ authorization: basic("tandem", "wrong") })).toBe(false);
    expect(await verify({ authorization: basic("s3cret", "") })).toBe(false);
    expect(await verify({ [AZURE_SECRET_HEADER]: "wrong" })).toBe(false);
    expect(await verify({ authorization: "Bearer s3cret" })).toBe(false);
    expect(await verify({ authorization: "Basic !!!" })).toBe(false);
    expect(await verify({})).toBe(false);
  });

  it("reads eventType and id from the body; an all-zero (test) id falls back to a digest", () => {
    const body = { id: "62e4351f-1c24-40f9-8510-7af03692ab45", eventType: "build.complete" };
    expect(azureDevopsWebhook.eventOf(new Headers(), body)).toBe("build.complete");
    expect(azureDevopsWebhook.deliveryIdOf(new Headers(), body, "{}")).toBe(body.id);
    const zero = { ...body, id: "00000000-0000-0000-0000-000000000000" };
    expect(azureDevopsWebhook.deliveryIdOf(new Headers(), zero, "{}")).toMatch(/^sha256:/);
    expect(azureDevopsWebhook.eventOf(new Headers(), [])).toBe("unknown");
  });

  it("accepts build.complete and the ms.vss-pipelines state changes only", () => {
    for (const event of [
      "build.complete",
      "ms.vss-pipelines.run-state-changed-event",
      "ms.vss-pipelines.stage-state-changed-event",
      "ms.vss-pipelines.job-state-changed-event",
    ]) {
      expect(azureDevopsWebhook.isAccepted(event)).toBe(true);
    }
    expect(azureDevopsWebhook.isAccepted("git.push")).toBe(false);
  });
});
