/**
 * Reading the providers' rate-limit and retry signals, whichever client threw:
 * GitHub `x-ratelimit-*` (reset in epoch seconds) and `retry-after`, GitLab `ratelimit-*`
 * (reset in epoch seconds) and `retry-after`, Azure DevOps `retry-after` and `x-ratelimit-*`.
 * Pure functions; lib/sync/with-retry.ts acts on them.
 */

export type Headers = Record<string, string | undefined>;
export type RateLimit = { limit: number; remaining: number; resetAt: Date | null };

/** Lower-cased plain headers from a Fetch Headers, a Node header object or nothing. */
export function plainHeaders(source: unknown): Headers {
  const out: Headers = {};
  if (!source || typeof source !== "object") return out;
  if (typeof (source as { forEach?: unknown }).forEach === "function" && !Array.isArray(source)) {
    (source as globalThis.Headers).forEach((value, key) => {
      out[key.toLowerCase()] = value;
    });
    return out;
  }
  for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
    if (value == null) continue;
    out[key.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return out;
}

type ErrorShape = {
  status?: number;
  statusCode?: number;
  response?: { status?: number; headers?: unknown };
  responseHeaders?: unknown;
  cause?: unknown;
  code?: string;
  name?: string;
  message?: string;
};

/** The HTTP status and response headers a client error carries (Octokit, gitbeaker, azure-devops-node-api). */
export function errorResponse(error: unknown): { status: number | null; headers: Headers } {
  const e = (error ?? {}) as ErrorShape;
  const cause = (e.cause ?? {}) as ErrorShape;
  if (typeof e.statusCode === "number")
    return { status: e.statusCode, headers: plainHeaders(e.responseHeaders) };
  if (e.response && typeof e.response.status === "number") {
    return { status: e.response.status, headers: plainHeaders(e.response.headers) };
  }
  if (cause.response && typeof cause.response.status === "number") {
    return { status: cause.response.status, headers: plainHeaders(cause.response.headers) };
  }
  return { status: null, headers: {} };
}

const int = (value: string | undefined) => {
  if (value == null || value.trim() === "") return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

/** Headroom from GitHub's `x-ratelimit-*` or GitLab's `ratelimit-*` headers; null when absent. */
export function rateLimitFromHeaders(headers: Headers): RateLimit | null {
  const limit = int(headers["x-ratelimit-limit"] ?? headers["ratelimit-limit"]);
  const remaining = int(headers["x-ratelimit-remaining"] ?? headers["ratelimit-remaining"]);
  if (limit === null || remaining === null) return null;
  const reset = int(headers["x-ratelimit-reset"] ?? headers["ratelimit-reset"]);
  return { limit, remaining, resetAt: reset === null ? null : new Date(reset * 1000) };
}

const NETWORK = /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|socket hang up|fetch failed|UND_ERR/i;

function isNetworkFailure(error: unknown): boolean {
  for (
    let e = error as ErrorShape | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as ErrorShape, depth++
  ) {
    if ((e.code && NETWORK.test(e.code)) || (e.message && NETWORK.test(e.message))) return true;
    if (e.name === "AbortError" || e.name === "TimeoutError" || e.name === "GitbeakerTimeoutError")
      return true;
  }
  return false;
}

export type RetryAdvice = { retry: false } | { retry: true; waitMs: number; reason: string };

/**
 * Whether a failed call is worth retrying, and after how long: a 429, or a 403 with no
 * requests left (GitHub's primary and secondary limits), waits for `retry-after` or the
 * reset time; 5xx answers and dropped connections back off exponentially from `baseMs`.
 * Anything else (401, 404, 422, a mapping error) is not retried.
 */
export function retryAdvice(error: unknown, attempt: number, now: Date, baseMs = 1000): RetryAdvice {
  const { status, headers } = errorResponse(error);
  const backoff = Math.min(baseMs * 2 ** attempt, 60_000);
  const retryAfter = int(headers["retry-after"]);
  const limited =
    status === 429 ||
    (status === 403 &&
      (retryAfter !== null || int(headers["x-ratelimit-remaining"] ?? headers["ratelimit-remaining"]) === 0));
  if (limited) {
    if (retryAfter !== null)
      return { retry: true, waitMs: retryAfter * 1000, reason: `rate limited (${status})` };
    const reset = int(headers["x-ratelimit-reset"] ?? headers["ratelimit-reset"]);
    const untilReset = reset === null ? backoff : reset * 1000 - now.getTime() + 1000;
    return { retry: true, waitMs: Math.max(untilReset, 0), reason: `rate limited (${status})` };
  }
  if (status !== null && status >= 500)
    return { retry: true, waitMs: backoff, reason: `server error (${status})` };
  if (status === null && isNetworkFailure(error))
    return { retry: true, waitMs: backoff, reason: "network error" };
  return { retry: false };
}
