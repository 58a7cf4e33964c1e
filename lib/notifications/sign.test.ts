import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signBody, verifySignature } from "./sign";

describe("signBody", () => {
  it("is sha256= and the hex HMAC of the exact body", () => {
    const body = '{"event":"alert.firing","id":"1"}';
    const hex = createHmac("sha256", "s3cret").update(body).digest("hex");
    expect(signBody("s3cret", body)).toBe(`sha256=${hex}`);
  });

  it("verifies its own signature and refuses another body or secret", () => {
    const signature = signBody("k", "{}");
    expect(verifySignature("k", "{}", signature)).toBe(true);
    expect(verifySignature("k", "{ }", signature)).toBe(false);
    expect(verifySignature("other", "{}", signature)).toBe(false);
    expect(verifySignature("k", "{}", null)).toBe(false);
  });
});
