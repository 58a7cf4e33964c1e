import { Gitlab } from "@gitbeaker/rest";
import { Octokit } from "@octokit/rest";
import { getPersonalAccessTokenHandler, WebApi } from "azure-devops-node-api";

/**
 * The official clients as Tandem's actions (start a run, answer a gate) use them: one
 * timeout for every request, no logging, no retries (the pg-boss jobs that call these own
 * retrying, so a provider outage never blocks a request handler).
 */

const silent = { debug() {}, info() {}, warn() {}, error() {} };
export const ACTION_TIMEOUT_MS = 20_000;

export function githubActionClient(baseUrl: string, token: string, timeoutMs = ACTION_TIMEOUT_MS): Octokit {
  return new Octokit({
    auth: token,
    baseUrl,
    log: silent,
    request: {
      fetch: (url: string | URL, init?: RequestInit) =>
        fetch(url, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) }),
    },
  });
}

export function gitlabActionClient(baseUrl: string, token: string, timeoutMs = ACTION_TIMEOUT_MS) {
  return new Gitlab({ host: baseUrl, token, queryTimeout: timeoutMs });
}

export function azureActionClient(baseUrl: string, token: string, timeoutMs = ACTION_TIMEOUT_MS): WebApi {
  return new WebApi(
    baseUrl,
    getPersonalAccessTokenHandler(token),
    { socketTimeout: timeoutMs },
    // Naming the product spares the client from reading its package.json at run time.
    { productName: "Tandem", productVersion: "1" },
  );
}
