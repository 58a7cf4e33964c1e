import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnv } from "@/lib/env";
import { needsReseal, open, resetSecretBoxKeys, SecretBoxError, seal } from "./secret-box";

const keyA = randomBytes(32).toString("base64");
const keyB = randomBytes(32).toString("hex");

function useKeys(current: string | undefined, old?: string) {
  process.env.DATABASE_URL = "postgres://db/tandem";
  process.env.TANDEM_DEMO = "";
  if (current) process.env.TANDEM_ENCRYPTION_KEY = current;
  else delete process.env.TANDEM_ENCRYPTION_KEY;
  if (old) process.env.TANDEM_ENCRYPTION_OLD_KEYS = old;
  else delete process.env.TANDEM_ENCRYPTION_OLD_KEYS;
  resetEnv();
  resetSecretBoxKeys();
}

afterEach(() => {
  delete process.env.DATABASE_URL;
  delete process.env.TANDEM_ENCRYPTION_KEY;
  delete process.env.TANDEM_ENCRYPTION_OLD_KEYS;
  resetEnv();
  resetSecretBoxKeys();
});

describe("secret box", () => {
  it("round-trips and never contains the plaintext", () => {
    useKeys(keyA);
    const sealed = seal("ghp_supersecret");
    expect(sealed).not.toContain("supersecret");
    expect(open(sealed)).toBe("ghp_supersecret");
    expect(seal("ghp_supersecret")).not.toBe(sealed); // fresh IV each time
  });

  it("refuses a tampered value", () => {
    useKeys(keyA);
    const parts = seal("token").split(".");
    parts[4] = Buffer.from("forged").toString("base64url");
    expect(() => open(parts.join("."))).toThrow(SecretBoxError);
  });

  it("opens values sealed with an old key after rotation and flags them for re-sealing", () => {
    useKeys(keyA);
    const underA = seal("rotate-me");
    useKeys(keyB, keyA);
    expect(open(underA)).toBe("rotate-me");
    expect(needsReseal(underA)).toBe(true);
    expect(needsReseal(seal("rotate-me"))).toBe(false);
    useKeys(keyB);
    expect(() => open(underA)).toThrow(/is not configured/);
  });

  it("requires a key in production mode", () => {
    useKeys(undefined);
    expect(() => seal("x")).toThrow(/TANDEM_ENCRYPTION_KEY is not set/);
  });
});
