import {
  type FakeDeployment,
  type FakeRun,
  listDeploymentStatuses,
  listDeployments,
  listJobs,
  listRuns,
} from "./fake-github-actions";
import {
  type FakeReply,
  type FakeRequest,
  type FakeServer,
  presentedToken,
  startFakeServer,
} from "./fake-http";

export { type FakeDeployment, type FakeRun, fakeRuns } from "./fake-github-actions";

/**
 * A fake GitHub REST API serving the documented shapes of "Get the authenticated user",
 * "Get a repository" and "List repository workflows", with `x-ratelimit-*` headers, plus the
 * list endpoints sync calls (fake-github-actions.ts). `faults` answers matching requests with
 * a rate-limit 403/429 or a 5xx burst first. Serve it under `/api/v3` to stand in for GitHub
 * Enterprise Server. Test code only.
 */

/** The next `times` requests whose path matches get this answer instead of the real one. */
export type FakeFault = { path: RegExp; status: number; headers?: Record<string, string>; times: number };

export type FakeGitHubOptions = {
  token: string;
  login?: string;
  /** `owner/repo` → number of workflows. */
  repositories?: Record<string, number>;
  prefix?: string;
  /** `owner/repo` → its workflow runs (newest first); tests mutate them to simulate change. */
  runs?: Record<string, FakeRun[]>;
  deployments?: Record<string, FakeDeployment[]>;
};

export type FakeGitHub = FakeServer & { baseUrl: string; faults: FakeFault[] };

/** GitHub's documented rate-limit answers: primary (403, remaining 0) and secondary (429, retry-after). */
export function githubRateLimitFault(kind: "primary" | "secondary", seconds: number, times = 1): FakeFault {
  const reset = String(Math.ceil(Date.now() / 1000) + seconds);
  return kind === "primary"
    ? { path: /./, status: 403, times, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset } }
    : { path: /./, status: 429, times, headers: { "retry-after": String(seconds) } };
}

const DOCS = "https://docs.github.com/rest";

export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  const prefix = options.prefix ?? "";
  const login = options.login ?? "octocat";
  let used = 0;
  const api = (origin: string) => `${origin}${prefix}`;
  let origin = "";
  const faults: FakeFault[] = [];

  function fault(request: FakeRequest): FakeReply | null {
    const hit = faults.find((f) => f.times > 0 && f.path.test(request.path));
    if (!hit) return null;
    hit.times -= 1;
    const message =
      hit.status >= 500
        ? "Server Error"
        : hit.status === 429
          ? "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."
          : "API rate limit exceeded for user ID 1.";
    return { status: hit.status, headers: hit.headers, body: { message, documentation_url: DOCS } };
  }

  /** Every answer carries the rate-limit headers; a bad token gets GitHub's 401 body. */
  function guarded(request: FakeRequest, ok: () => FakeReply): FakeReply {
    used += 1;
    const headers = {
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": String(5000 - used),
      "x-ratelimit-used": String(used),
      "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
      "x-ratelimit-resource": "core",
      "x-github-api-version-selected": "2022-11-28",
    };
    if (presentedToken(request) !== options.token) {
      return {
        status: 401,
        headers,
        body: { message: "Bad credentials", documentation_url: DOCS, status: "401" },
      };
    }
    const reply = fault(request) ?? ok();
    return { ...reply, headers: { ...headers, ...reply.headers } };
  }

  const notFound: FakeReply = {
    status: 404,
    body: { message: "Not Found", documentation_url: DOCS, status: "404" },
  };
  const repo = (full: string) =>
    Object.keys(options.repositories ?? {}).find((r) => r.toLowerCase() === full.toLowerCase());
  const esc = prefix.replace(/[/]/g, "\\/");

  const runsOf = (match: RegExpExecArray) => {
    const full = repo(`${match[1]}/${match[2]}`);
    return full
      ? { full, runs: options.runs?.[full] ?? [], deployments: options.deployments?.[full] ?? [] }
      : null;
  };
  const actionsRoutes: Parameters<typeof startFakeServer>[0] = [
    {
      method: "GET",
      path: new RegExp(`^${esc}/repos/([^/]+)/([^/]+)/actions/runs$`),
      reply: (request, match) =>
        guarded(request, () => {
          const found = runsOf(match);
          return found ? listRuns(origin, api(origin), found.full, found.runs, request) : notFound;
        }),
    },
    {
      method: "GET",
      path: new RegExp(`^${esc}/repos/([^/]+)/([^/]+)/actions/runs/(\\d+)/jobs$`),
      reply: (request, match) =>
        guarded(request, () => {
          const found = runsOf(match);
          const run = found?.runs.find((r) => String(r.id) === match[3]);
          return found && run ? listJobs(origin, found.full, run, request) : notFound;
        }),
    },
    {
      method: "GET",
      path: new RegExp(`^${esc}/repos/([^/]+)/([^/]+)/deployments$`),
      reply: (request, match) =>
        guarded(request, () => {
          const found = runsOf(match);
          return found
            ? listDeployments(origin, api(origin), found.full, found.deployments, request)
            : notFound;
        }),
    },
    {
      method: "GET",
      path: new RegExp(`^${esc}/repos/([^/]+)/([^/]+)/deployments/(\\d+)/statuses$`),
      reply: (request, match) =>
        guarded(request, () => {
          const found = runsOf(match);
          const deployment = found?.deployments.find((d) => String(d.id) === match[3]);
          return found && deployment
            ? listDeploymentStatuses(origin, found.full, deployment, request)
            : notFound;
        }),
    },
  ];

  const server = await startFakeServer([
    ...actionsRoutes,
    {
      method: "GET",
      path: new RegExp(`^${esc}/user$`),
      reply: (request) =>
        guarded(request, () => ({
          status: 200,
          body: {
            login,
            id: 583231,
            node_id: "MDQ6VXNlcjU4MzIzMQ==",
            avatar_url: "https://avatars.githubusercontent.com/u/583231?v=4",
            url: `${api(origin)}/users/${login}`,
            html_url: `https://github.com/${login}`,
            type: "User",
            site_admin: false,
            name: "The Octocat",
          },
        })),
    },
    {
      method: "GET",
      path: new RegExp(`^${esc}/repos/([^/]+)/([^/]+)/actions/workflows$`),
      reply: (request, match) =>
        guarded(request, () => {
          const full = repo(`${match[1]}/${match[2]}`);
          if (!full) return notFound;
          const count = options.repositories![full]!;
          const workflows = Array.from(
            { length: Math.min(count, Number(request.query.get("per_page") ?? 30)) },
            (_, i) => ({
              id: 161335 + i,
              node_id: `MDg6V29ya2Zsb3cxNjEzMzU${i}`,
              name: i === 0 ? "CI" : `Workflow ${i + 1}`,
              path: `.github/workflows/${i === 0 ? "ci" : `workflow-${i + 1}`}.yml`,
              state: "active",
              created_at: "2020-01-08T23:48:37.000-08:00",
              updated_at: "2020-01-08T23:50:21.000-08:00",
              url: `${api(origin)}/repos/${full}/actions/workflows/${161335 + i}`,
              html_url: `https://github.com/${full}/blob/main/.github/workflows/ci.yml`,
              badge_url: `https://github.com/${full}/workflows/CI/badge.svg`,
            }),
          );
          return { status: 200, body: { total_count: count, workflows } };
        }),
    },
    {
      method: "GET",
      path: new RegExp(`^${esc}/repos/([^/]+)/([^/]+)$`),
      reply: (request, match) =>
        guarded(request, () => {
          const full = repo(`${match[1]}/${match[2]}`);
          if (!full) return notFound;
          const [owner, name] = full.split("/");
          return {
            status: 200,
            body: {
              id: 1296269,
              node_id: "MDEwOlJlcG9zaXRvcnkxMjk2MjY5",
              name,
              full_name: full,
              private: false,
              visibility: "public",
              owner: { login: owner, id: 1, type: "Organization" },
              html_url: `https://github.com/${full}`,
              description: "A fake repository",
              fork: false,
              url: `${api(origin)}/repos/${full}`,
              default_branch: "main",
            },
          };
        }),
    },
  ]);
  origin = server.origin;
  return { ...server, baseUrl: api(server.origin), faults };
}
