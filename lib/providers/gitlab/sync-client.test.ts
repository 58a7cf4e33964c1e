import { Deployments, Projects } from "@gitbeaker/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { explainProviderError, providerStatus } from "@/lib/connections/probes/explain-error";
import { type FakeGitLab, fakeDeployments, startFakeGitLab } from "@/lib/connections/testing/fake-gitlab";
import { retryAdvice } from "@/lib/sync/rate-limit";
import { gitlabSyncOptions } from "./sync-client";

describe("gitlabSyncOptions against a fake GitLab", () => {
  let gitlab: FakeGitLab;
  const headers: Record<string, string | undefined>[] = [];
  const options = () =>
    gitlabSyncOptions({ baseUrl: gitlab.baseUrl, token: "glpat-x", onHeaders: (h) => headers.push(h) });

  beforeAll(async () => {
    gitlab = await startFakeGitLab({
      token: "glpat-x",
      projects: ["group/app"],
      deployments: { "group/app": fakeDeployments(3, new Date("2026-01-01T00:00:00Z"), "production") },
    });
  });
  afterAll(() => gitlab.close());

  it("sends the token and snake_case query, and pages with x-next-page", async () => {
    const { data, paginationInfo } = await new Deployments(options()).all("group/app", {
      orderBy: "updated_at",
      updatedAfter: "2025-12-31T00:00:00.000Z",
      perPage: 2,
      page: 1,
      pagination: "offset",
      showExpanded: true,
    });
    expect(data).toHaveLength(2);
    expect(paginationInfo).toMatchObject({ next: 2, total: 3 });
    const request = gitlab.requests.at(-1)!;
    expect(request.headers["private-token"]).toBe("glpat-x");
    expect(Object.fromEntries(request.query)).toMatchObject({
      order_by: "updated_at",
      updated_after: "2025-12-31T00:00:00.000Z",
      per_page: "2",
      page: "1",
    });
    expect(headers.at(-1)).toMatchObject({ "ratelimit-limit": "2000", "x-next-page": "2" });
  });

  it("does not retry a 429 itself: the error carries Retry-After for lib/sync", async () => {
    gitlab.faults.push({ path: /\/deployments$/, status: 429, headers: { "retry-after": "7" }, times: 1 });
    const before = gitlab.requests.length;
    const error = await new Deployments(options()).all("group/app", { page: 1 }).catch((e: unknown) => e);
    expect(gitlab.requests.length - before).toBe(1);
    expect(providerStatus(error)).toBe(429);
    expect(retryAdvice(error, 0, new Date())).toMatchObject({ retry: true, waitMs: 7000 });
    expect(headers.at(-1)).toMatchObject({ "retry-after": "7" });
  });

  it("reports a refused token in the connection's words", async () => {
    const bad = gitlabSyncOptions({ baseUrl: gitlab.baseUrl, token: "wrong", onHeaders: () => {} });
    const error = await new Projects(bad).show("group/app").catch((e: unknown) => e);
    expect(explainProviderError(error, "GitLab", "gitlab.example.com")).toBe(
      "the token was refused by GitLab",
    );
    expect((error as Error).message).toBe("401 Unauthorized");
  });
});
