import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitLab } from "../testing/fake-gitlab";
import type { FakeServer } from "../testing/fake-http";
import { unreachableOrigin } from "../testing/fake-http";
import { probeGitLab } from "./gitlab";

describe("probeGitLab against a fake self-managed GitLab", () => {
  let fake: FakeServer & { baseUrl: string };
  beforeAll(async () => {
    fake = await startFakeGitLab({ token: "glpat-good", username: "jsmith", projects: ["platform/api"] });
  });
  afterAll(() => fake.close());

  it("signs in and finds each project by its path", async () => {
    const result = await probeGitLab({
      baseUrl: fake.baseUrl,
      token: "glpat-good",
      repositories: ["platform/api"],
    });
    expect(result).toMatchObject({ ok: true, account: "jsmith", error: null });
    expect(result.findings).toEqual([
      { name: "Account", ok: true, detail: "signed in as jsmith" },
      { name: "platform/api", ok: true, detail: "private project, default branch main" },
    ]);
    expect(result.rateLimit).toEqual({ remaining: 1998, limit: 2000 });
    expect(fake.requests.map((r) => r.path)).toEqual(["/api/v4/user", "/api/v4/projects/platform%2Fapi"]);
    expect(fake.requests[0]?.headers["private-token"]).toBe("glpat-good");
  });

  it("reports a project it cannot see", async () => {
    const result = await probeGitLab({
      baseUrl: fake.baseUrl,
      token: "glpat-good",
      repositories: ["platform/gone"],
    });
    expect(result.ok).toBe(false);
    expect(result.findings[1]).toEqual({
      name: "platform/gone",
      ok: false,
      detail: "not found, or the token cannot see it",
    });
  });

  it("says in plain words that the token was refused (401)", async () => {
    const result = await probeGitLab({ baseUrl: fake.baseUrl, token: "glpat-bad", repositories: [] });
    expect(result).toMatchObject({ ok: false, error: "the token was refused by GitLab" });
  });

  it("says it could not reach an unreachable host", async () => {
    const origin = await unreachableOrigin();
    const result = await probeGitLab({ baseUrl: origin, token: "glpat-good", repositories: [] });
    expect(result).toMatchObject({ ok: false, error: `could not reach ${new URL(origin).host}` });
  });
});
