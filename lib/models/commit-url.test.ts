import { describe, expect, it } from "vitest";
import { commitUrl } from "./commit-url";

const sha = "0123456789abcdef0123456789abcdef01234567";

describe("commitUrl", () => {
  it.each([
    [
      "github",
      "https://github.com/acme/checkout/actions/runs/123",
      null,
      `https://github.com/acme/checkout/commit/${sha}`,
    ],
    [
      "github",
      "https://ghe.example.com/acme/checkout/actions/runs/9/attempts/2",
      null,
      `https://ghe.example.com/acme/checkout/commit/${sha}`,
    ],
    [
      "gitlab",
      "https://gitlab.com/acme/group/fraud/-/pipelines/77",
      null,
      `https://gitlab.com/acme/group/fraud/-/commit/${sha}`,
    ],
    [
      "azure_devops",
      "https://dev.azure.com/contoso/search/_build/results?buildId=5",
      "search-ranking",
      `https://dev.azure.com/contoso/search/_git/search-ranking/commit/${sha}`,
    ],
  ] as const)("derives the %s commit page from the run link", (provider, runUrl, repository, expected) => {
    expect(commitUrl({ sha, provider, runUrl, repository })).toBe(expected);
  });

  it("gives null when the link cannot be derived rather than guessing", () => {
    expect(commitUrl({ sha, provider: "generic", runUrl: "https://ci.example.com/runs/1" })).toBeNull();
    expect(commitUrl({ sha, provider: "github", runUrl: null })).toBeNull();
    expect(commitUrl({ sha, provider: "github", runUrl: "https://github.com/acme" })).toBeNull();
    expect(
      commitUrl({ sha, provider: "azure_devops", runUrl: "https://dev.azure.com/c/p/_build/results" }),
    ).toBeNull();
    expect(
      commitUrl({ sha: null, provider: "github", runUrl: "https://github.com/a/b/actions/runs/1" }),
    ).toBeNull();
  });

  it("refuses a sha or link that could inject another URL", () => {
    const runUrl = "https://github.com/a/b/actions/runs/1";
    expect(commitUrl({ sha: "../../evil", provider: "github", runUrl })).toBeNull();
    expect(commitUrl({ sha, provider: "github", runUrl: "javascript:alert(1)//actions/runs/1" })).toBeNull();
  });
});
