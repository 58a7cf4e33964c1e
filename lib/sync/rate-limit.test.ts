import { describe, expect, it } from "vitest";
import { rateLimitFromHeaders, retryAdvice } from "./rate-limit";
import { SyncGaveUpError, withRetry } from "./with-retry";

const NOW = new Date("2026-03-02T12:00:00.000Z");
const epoch = (date: Date) => String(Math.floor(date.getTime() / 1000));
// The three clients' error shapes: Octokit, gitbeaker (Fetch Response in cause), azure-devops-node-api.
const octokit = (status: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error("x"), { status, response: { status, headers } });
const gitbeaker = (status: number, headers: Record<string, string> = {}) =>
  new Error("x", { cause: { response: new Response(null, { status, headers }) } });
const azure = (statusCode: number, responseHeaders: Record<string, string> = {}) =>
  Object.assign(new Error("x"), { statusCode, responseHeaders });

describe("retryAdvice", () => {
  it("waits for Retry-After on a 429 from any client", () => {
    for (const error of [
      octokit(429, { "retry-after": "7" }),
      gitbeaker(429, { "Retry-After": "7" }),
      azure(429, { "retry-after": "7" }),
    ]) {
      expect(retryAdvice(error, 0, NOW)).toEqual({ retry: true, waitMs: 7000, reason: "rate limited (429)" });
    }
  });
  it("waits until the reset for GitHub's primary limit (403, none remaining)", () => {
    const reset = new Date(NOW.getTime() + 60_000);
    const advice = retryAdvice(
      octokit(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": epoch(reset) }),
      0,
      NOW,
    );
    expect(advice).toEqual({ retry: true, waitMs: 61_000, reason: "rate limited (403)" });
  });
  it("backs off exponentially on 5xx and not at all on other errors", () => {
    expect(retryAdvice(octokit(502), 0, NOW)).toMatchObject({ retry: true, waitMs: 1000 });
    expect(retryAdvice(gitbeaker(503), 3, NOW)).toMatchObject({ retry: true, waitMs: 8000 });
    expect(retryAdvice(octokit(403, { "x-ratelimit-remaining": "12" }), 0, NOW)).toEqual({ retry: false });
    expect(retryAdvice(azure(401), 0, NOW)).toEqual({ retry: false });
    expect(retryAdvice(new Error("mapping bug"), 0, NOW)).toEqual({ retry: false });
  });
});

describe("rateLimitFromHeaders", () => {
  it("reads GitHub's and GitLab's headers", () => {
    expect(
      rateLimitFromHeaders({
        "x-ratelimit-limit": "5000",
        "x-ratelimit-remaining": "4812",
        "x-ratelimit-reset": epoch(NOW),
      }),
    ).toEqual({ limit: 5000, remaining: 4812, resetAt: NOW });
    expect(rateLimitFromHeaders({ "ratelimit-limit": "2000", "ratelimit-remaining": "1999" })).toEqual({
      limit: 2000,
      remaining: 1999,
      resetAt: null,
    });
    expect(rateLimitFromHeaders({})).toBeNull();
  });
});

describe("withRetry", () => {
  it("retries until success and gives up after the bound", async () => {
    const waits: number[] = [];
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls < 3) throw octokit(500);
      return "ok";
    };
    expect(await withRetry(flaky, { sleep: async (ms) => void waits.push(ms) })).toBe("ok");
    expect(waits).toEqual([1000, 2000]);
    await expect(
      withRetry(async () => Promise.reject(octokit(500)), { sleep: async () => {}, limits: { attempts: 3 } }),
    ).rejects.toBeInstanceOf(SyncGaveUpError);
  });
  it("refuses to wait longer than the longest wait", async () => {
    const error = octokit(429, { "retry-after": "3600" });
    await expect(withRetry(async () => Promise.reject(error), { sleep: async () => {} })).rejects.toThrow(
      /resets in 60 min/,
    );
  });
});
