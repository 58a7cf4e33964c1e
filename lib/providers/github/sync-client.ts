import { Octokit } from "@octokit/rest";
import type { HeaderSink, PagerInput } from "@/lib/providers/shared/sync-types";

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * An Octokit for sync: every request gives up after a timeout, and every answer (errors
 * included) hands its headers to `onHeaders` so the connection's rate-limit headroom stays
 * current. No retry plugin: lib/sync/with-retry.ts owns waiting.
 */
export function githubSyncClient(
  input: Pick<PagerInput, "baseUrl" | "token" | "timeoutMs" | "onHeaders">,
): Octokit {
  const timeoutMs = input.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const octokit = new Octokit({
    auth: input.token,
    baseUrl: input.baseUrl,
    log: silent,
    request: {
      fetch: (url: string | URL, init?: RequestInit) =>
        fetch(url, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) }),
    },
  });
  const sink: HeaderSink = input.onHeaders;
  octokit.hook.after("request", (response) => sink(response.headers as Record<string, string | undefined>));
  octokit.hook.error("request", (error) => {
    const response = (error as { response?: { headers?: Record<string, string | undefined> } }).response;
    if (response?.headers) sink(response.headers);
    throw error;
  });
  return octokit;
}

/** The `rel="next"` URL of an RFC 8288 Link header, as GitHub paginates. */
export function nextLink(link: string | undefined): string | null {
  if (!link) return null;
  for (const part of link.split(",")) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part.trim());
    if (match) return match[1]!;
  }
  return null;
}

/** `owner/repo` split, or null when the name is not of that form. */
export function ownerRepo(name: string): { owner: string; repo: string } | null {
  const [owner, repo, ...rest] = name.trim().split("/");
  return owner && repo && rest.length === 0 ? { owner, repo } : null;
}

/** Whether an Octokit error is a 304 Not Modified (a conditional request that matched). */
export function isNotModified(error: unknown): boolean {
  return (error as { status?: number } | null)?.status === 304;
}
