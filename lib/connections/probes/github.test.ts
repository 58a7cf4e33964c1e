import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHub } from "../testing/fake-github";
import type { FakeServer } from "../testing/fake-http";
import { unreachableOrigin } from "../testing/fake-http";
import { probeGitHub } from "./github";

describe("probeGitHub against a fake GitHub Enterprise server", () => {
  let fake: FakeServer & { baseUrl: string };
  beforeAll(async () => {
    fake = await startFakeGitHub({
      token: "ghp_good",
      login: "hubot",
      repositories: { "acme/api": 3, "acme/web": 1 },
      prefix: "/api/v3",
    });
  });
  afterAll(() => fake.close());

  it("signs in, finds each repository with its workflow count and reports headroom", async () => {
    const result = await probeGitHub({
      baseUrl: fake.baseUrl,
      token: "ghp_good",
      repositories: ["acme/api", "acme/web"],
    });
    expect(result).toMatchObject({ ok: true, account: "hubot", error: null });
    expect(result.findings).toEqual([
      { name: "Account", ok: true, detail: "signed in as hubot" },
      { name: "acme/api", ok: true, detail: "public repository, 3 workflows" },
      { name: "acme/web", ok: true, detail: "public repository, 1 workflow" },
    ]);
    expect(result.rateLimit).toEqual({ remaining: 4995, limit: 5000 });
    const paths = fake.requests.map((r) => r.path);
    expect(paths).toContain("/api/v3/user");
    expect(paths).toContain("/api/v3/repos/acme/api/actions/workflows");
    expect(fake.requests[0]?.headers.authorization).toBe("token ghp_good");
  });

  it("names a repository it cannot see, and a malformed one, without failing the rest", async () => {
    const result = await probeGitHub({
      baseUrl: fake.baseUrl,
      token: "ghp_good",
      repositories: ["acme/missing", "not-a-repo"],
    });
    expect(result.ok).toBe(false);
    expect(result.error).toBeNull();
    expect(result.findings.slice(1)).toEqual([
      { name: "acme/missing", ok: false, detail: "not found, or the token cannot see it" },
      { name: "not-a-repo", ok: false, detail: "write it as owner/repo" },
    ]);
  });

  it("says in plain words that the token was refused (401)", async () => {
    const result = await probeGitHub({ baseUrl: fake.baseUrl, token: "ghp_bad", repositories: ["acme/api"] });
    expect(result).toMatchObject({ ok: false, error: "the token was refused by GitHub", findings: [] });
  });

  it("says a wrong base URL is not found (404)", async () => {
    const result = await probeGitHub({
      baseUrl: `${fake.origin}/wrong`,
      token: "ghp_good",
      repositories: [],
    });
    expect(result.error).toBe("not found: check the base URL / organisation");
  });

  it("says it could not reach an unreachable host", async () => {
    const origin = await unreachableOrigin();
    const result = await probeGitHub({ baseUrl: `${origin}/api/v3`, token: "ghp_good", repositories: [] });
    expect(result).toMatchObject({ ok: false, error: `could not reach ${new URL(origin).host}` });
  });
});
