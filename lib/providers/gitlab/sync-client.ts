import type { Projects } from "@gitbeaker/rest";
import type { HeaderSink, PagerInput } from "@/lib/providers/shared/sync-types";

const DEFAULT_TIMEOUT_MS = 30_000;

type ResourceOptions = NonNullable<ConstructorParameters<typeof Projects>[0]>;
type RequesterFn = NonNullable<ResourceOptions["requesterFn"]>;
type Service = Parameters<RequesterFn>[0] & {
  url: string;
  headers?: Record<string, string>;
  authHeaders?: Record<string, () => Promise<string>>;
};
type GetOptions = { searchParams?: Record<string, unknown>; sudo?: string; signal?: AbortSignal };

/**
 * A GitLab answer other than 2xx. Shaped like gitbeaker's GitbeakerRequestError (the status
 * and headers in `cause.response`), so lib/sync reads Retry-After / RateLimit-Reset from it and
 * the connection page explains it like any other gitbeaker failure.
 */
export class GitlabSyncRequestError extends Error {
  override readonly cause: { description: string; response: Response };
  constructor(description: string, response: Response) {
    super(description || `GitLab answered ${response.status}`);
    this.name = "GitlabSyncRequestError";
    this.cause = { description, response };
  }
}

/** gitbeaker's query encoding for the flat options sync passes: snake_case keys, `key[]` arrays. */
function query(params: Record<string, unknown> = {}): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    const name = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    if (Array.isArray(value)) for (const item of value) out.append(`${name}[]`, String(item));
    else out.append(name, String(value));
  }
  return out.toString();
}

async function errorMessage(response: Response): Promise<string> {
  const body = await response.text().catch(() => "");
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown };
    const message = parsed.error ?? parsed.message ?? "";
    return typeof message === "string" ? message : JSON.stringify(message);
  } catch {
    return body.slice(0, 500);
  }
}

/**
 * A read-only gitbeaker requester for sync. gitbeaker's own requester retries 429 and 502 ten
 * times within a fraction of a second and ignores Retry-After, then throws an error with no
 * status; this one never retries (lib/sync/with-retry.ts owns waiting) and hands every answer's
 * headers, errors included, to the sink so the connection's `ratelimit-*` headroom stays current.
 */
function syncRequester(sink: HeaderSink): RequesterFn {
  const requester = (service: Service) => {
    const base = service.url.endsWith("/") ? service.url : `${service.url}/`;
    const get = async (endpoint: string, options: GetOptions = {}) => {
      const url = new URL(endpoint, base);
      url.search = query(options.searchParams);
      const headers: Record<string, string> = { ...service.headers };
      for (const [name, value] of Object.entries(service.authHeaders ?? {})) headers[name] = await value();
      if (options.sudo) headers.sudo = options.sudo;
      const response = await fetch(url, { headers, signal: options.signal });
      const plain = Object.fromEntries(response.headers.entries());
      sink(plain);
      if (!response.ok) throw new GitlabSyncRequestError(await errorMessage(response), response);
      const json = (response.headers.get("content-type") ?? "").includes("application/json");
      const body = response.status === 204 ? null : json ? await response.json() : await response.text();
      return { body, headers: plain, status: response.status };
    };
    const readOnly = async () => {
      throw new Error("the GitLab sync client only reads");
    };
    return { get, post: readOnly, put: readOnly, patch: readOnly, delete: readOnly };
  };
  return requester as unknown as RequesterFn;
}

/** Options for a gitbeaker resource used by sync: the connection's host and token, a timeout, the requester above. */
export function gitlabSyncOptions(input: Pick<PagerInput, "baseUrl" | "token" | "timeoutMs" | "onHeaders">): {
  host: string;
  token: string;
  queryTimeout: number;
  requesterFn: RequesterFn;
} {
  return {
    host: input.baseUrl,
    token: input.token,
    queryTimeout: input.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    requesterFn: syncRequester(input.onHeaders),
  };
}
