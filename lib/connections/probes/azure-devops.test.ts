import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeAzureDevOps } from "../testing/fake-azure-devops";
import type { FakeServer } from "../testing/fake-http";
import { unreachableOrigin } from "../testing/fake-http";
import { probeAzureDevOps } from "./azure-devops";

describe("probeAzureDevOps against a fake organisation", () => {
  let fake: FakeServer & { baseUrl: string };
  beforeAll(async () => {
    fake = await startFakeAzureDevOps({ token: "pat-good", projects: { Fabrikam: 2, "Fabrikam Web": 0 } });
  });
  afterAll(() => fake.close());

  it("signs in, lists projects and counts each configured project's definitions", async () => {
    const result = await probeAzureDevOps({
      baseUrl: fake.baseUrl,
      token: "pat-good",
      repositories: ["fabrikam", "Fabrikam Web"],
    });
    expect(result).toMatchObject({ ok: true, account: "Ada Lovelace", error: null });
    expect(result.findings).toEqual([
      { name: "Organisation", ok: true, detail: "signed in as Ada Lovelace, 2 projects visible" },
      { name: "Fabrikam", ok: true, detail: "2 pipeline definitions" },
      { name: "Fabrikam Web", ok: true, detail: "0 pipeline definitions" },
    ]);
    const calls = fake.requests.map((r) => `${r.method} ${r.path}`);
    expect(calls).toEqual(
      expect.arrayContaining([
        "OPTIONS /fabrikam/_apis/Location",
        "GET /fabrikam/_apis/ResourceAreas",
        "GET /fabrikam/_apis/projects",
        "GET /fabrikam/Fabrikam/_apis/build/definitions",
      ]),
    );
    const basic = fake.requests[0]?.headers.authorization ?? "";
    expect(Buffer.from(basic.replace(/^Basic /, ""), "base64").toString()).toMatch(/:pat-good$/);
  });

  it("reports a project the organisation does not have", async () => {
    const result = await probeAzureDevOps({
      baseUrl: fake.baseUrl,
      token: "pat-good",
      repositories: ["Nope"],
    });
    expect(result.ok).toBe(false);
    expect(result.findings[1]).toEqual({
      name: "Nope",
      ok: false,
      detail: "no such project, or the token cannot see it",
    });
  });

  it("says in plain words that the token was refused (401)", async () => {
    const result = await probeAzureDevOps({ baseUrl: fake.baseUrl, token: "pat-bad", repositories: [] });
    expect(result).toMatchObject({ ok: false, error: "the token was refused by Azure DevOps" });
  });

  it("says a wrong organisation is not found", async () => {
    const result = await probeAzureDevOps({
      baseUrl: `${fake.origin}/contoso`,
      token: "pat-good",
      repositories: [],
    });
    expect(result.error).toBe("not found: check the base URL / organisation");
  });

  it("says it could not reach an unreachable host", async () => {
    const origin = await unreachableOrigin();
    const result = await probeAzureDevOps({
      baseUrl: `${origin}/fabrikam`,
      token: "pat-good",
      repositories: [],
    });
    expect(result).toMatchObject({ ok: false, error: `could not reach ${new URL(origin).host}` });
  });
});
