import { describe, expect, it } from "vitest";
import { EnvError, isDemoMode, parseEnv } from "./env";

describe("parseEnv", () => {
  it("defaults to the embedded database in ./.data with inline jobs", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.TANDEM_DATA_DIR).toBe("./.data");
    expect(env.TANDEM_JOBS).toBe("inline");
    expect(isDemoMode(env)).toBe(true);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", NEXTAUTH_URL: " " }).DATABASE_URL).toBeUndefined();
  });

  it("names every bad variable in one message", () => {
    try {
      parseEnv({ DATABASE_URL: "mysql://x", DATABASE_POOL_SIZE: "0", LOG_LEVEL: "loud" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as Error).message;
      expect(message).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
      expect(message).toContain("DATABASE_POOL_SIZE");
      expect(message).toContain("LOG_LEVEL");
    }
  });

  it("requires NEXTAUTH_SECRET in production mode on Postgres", () => {
    const production = { NODE_ENV: "production", DATABASE_URL: "postgres://db/tandem" } as const;
    expect(() => parseEnv(production)).toThrow(/NEXTAUTH_SECRET: required/);
    expect(() => parseEnv({ ...production, NEXTAUTH_SECRET: "short" })).toThrow(/at least 32/);
    const ok = parseEnv({ ...production, NEXTAUTH_SECRET: "x".repeat(32) });
    expect(isDemoMode(ok)).toBe(false);
  });

  it("shows demo accounts on Postgres only with TANDEM_DEMO=1", () => {
    expect(isDemoMode(parseEnv({ DATABASE_URL: "postgres://db/t", TANDEM_DEMO: "1" }))).toBe(true);
    expect(isDemoMode(parseEnv({ DATABASE_URL: "postgres://db/t" }))).toBe(false);
  });

  it("wants OAuth client ids and secrets in pairs", () => {
    expect(() => parseEnv({ GITHUB_CLIENT_ID: "abc" })).toThrow(/set both or neither/);
  });
});
