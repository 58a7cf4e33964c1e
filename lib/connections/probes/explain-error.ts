/**
 * Turns whatever a provider client threw into one sentence an admin can act on. The three
 * clients fail differently (Octokit: RequestError with `status`, no `response` on network
 * failure; gitbeaker: GitbeakerRequestError with `cause.response`, or fetch's TypeError;
 * azure-devops-node-api: Error with `statusCode`, or Node's socket errors with `code`).
 */

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
]);

type Shape = {
  name?: string;
  message?: string;
  code?: string;
  status?: number;
  statusCode?: number;
  response?: { status?: number };
  cause?: unknown;
};

/** The HTTP status the provider answered with, or null when no answer came back. */
export function providerStatus(error: unknown): number | null {
  const e = (error ?? {}) as Shape;
  if (typeof e.statusCode === "number") return e.statusCode;
  if (e.response && typeof e.response.status === "number") return e.response.status;
  const cause = e.cause as Shape | undefined;
  if (cause?.response && typeof cause.response.status === "number") return cause.response.status;
  // Octokit reports a network failure as status 500 without a response.
  if (typeof e.status === "number" && e.name === "HttpError" && e.response) return e.status;
  return null;
}

function isNetworkFailure(error: unknown): boolean {
  for (let e = error as Shape | undefined, depth = 0; e && depth < 5; e = e.cause as Shape, depth++) {
    if (e.code && NETWORK_CODES.has(e.code)) return true;
    if (e.name === "AbortError" || e.name === "TimeoutError" || e.name === "GitbeakerTimeoutError")
      return true;
    if (e.message === "fetch failed") return true;
  }
  return false;
}

/** Plain words for a failure, e.g. "the token was refused by GitHub". */
export function explainProviderError(error: unknown, provider: string, host: string): string {
  const status = providerStatus(error);
  if (status === null && isNetworkFailure(error)) return `could not reach ${host}`;
  if (status === 401) return `the token was refused by ${provider}`;
  if (status === 403) return `the token is not allowed to do this on ${provider} (403): check its scopes`;
  if (status === 404) return "not found: check the base URL / organisation";
  if (status === 429) return `${provider} is rate limiting this token; try again later`;
  if (status !== null && status >= 500) return `${provider} had a server error (${status}); try again later`;
  if (status !== null) return `${provider} answered ${status}`;
  const message = String((error as Shape | undefined)?.message ?? "unknown error").slice(0, 200);
  return `could not use ${provider} at ${host}: ${message}`;
}
