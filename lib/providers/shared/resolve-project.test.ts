import { describe, expect, it } from "vitest";
import { resolveProject } from "./resolve-project";

const alpha = "11111111-1111-4111-8111-111111111111";
const beta = "22222222-2222-4222-8222-222222222222";
const fallback = "33333333-3333-4333-8333-333333333333";

describe("resolveProject", () => {
  const config = {
    repositories: [
      { name: "Octo-Org/Octo-Repo", projectId: alpha },
      { name: "380", projectId: beta },
    ],
  };

  it("matches a configured repository case-insensitively", () => {
    expect(resolveProject(config, ["octo-org/octo-repo"])).toEqual({
      projectId: alpha,
      matched: "Octo-Org/Octo-Repo",
    });
  });

  it("tries every name the payload gives, in order (a GitLab path, then its numeric id)", () => {
    expect(resolveProject(config, ["gitlab-org/gitlab-test", "380"])).toEqual({
      projectId: beta,
      matched: "380",
    });
  });

  it("falls back to the default project, else explains why it ignores the delivery", () => {
    expect(resolveProject({ ...config, defaultProjectId: fallback }, ["someone/else"])).toEqual({
      projectId: fallback,
      matched: null,
    });
    expect(resolveProject(config, ["someone/else"])).toEqual({
      projectId: null,
      reason: "no project mapping for someone/else",
    });
  });
});
