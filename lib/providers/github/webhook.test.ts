import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { githubWebhook } from "./webhook";

const secret = "It's a Secret to Everybody";
const body = JSON.stringify({ zen: "Keep it logically awesome." });
const sign = (payload: string, key = secret) =>
  `sha256=${createHmac("sha256", key).update(payload).digest("hex")}`;

describe("githubWebhook", () => {
  it("verifies X-Hub-Signature-256 over the raw body", async () => {
    expect(await githubWebhook.verify(new Headers({ "x-hub-signature-256": sign(body) }), body, secret)).toBe(
      true,
    );
  });

  it("accepts the example signature from GitHub's docs (validating webhook deliveries)", async () => {
    const headers = new Headers({
      "x-hub-signature-256": "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
    });
    expect(await githubWebhook.verify(headers, "Hello, World!", secret)).toBe(true);
  });

  it("refuses a wrong, missing or malformed signature, and a changed body", async () => {
    const verify = (headers: Record<string, string>, payload = body) =>
      githubWebhook.verify(new Headers(headers), payload, secret);
    expect(await verify({ "x-hub-signature-256": sign(body, "another secret") })).toBe(false);
    expect(await verify({})).toBe(false);
    expect(await verify({ "x-hub-signature-256": "sha256=zz" })).toBe(false);
    expect(await verify({ "x-hub-signature-256": sign(body) }, `${body} `)).toBe(false);
  });

  it("reads the event and delivery id from headers, digesting the body when there is no id", () => {
    const headers = new Headers({ "x-github-event": "workflow_run", "x-github-delivery": "72d3162e-cc78" });
    expect(githubWebhook.eventOf(headers, {})).toBe("workflow_run");
    expect(githubWebhook.deliveryIdOf(headers, {}, body)).toBe("72d3162e-cc78");
    expect(githubWebhook.deliveryIdOf(new Headers(), {}, body)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("accepts the CI events, answers ping, ignores the rest", () => {
    for (const event of ["workflow_run", "workflow_job", "deployment", "deployment_status"]) {
      expect(githubWebhook.isAccepted(event)).toBe(true);
    }
    expect(githubWebhook.isPing("ping")).toBe(true);
    expect(githubWebhook.isAccepted("push")).toBe(false);
    expect(githubWebhook.isAccepted("toString")).toBe(false);
    expect(githubWebhook.map("push", {})).toMatchObject({ kind: "ignore" });
  });
});
