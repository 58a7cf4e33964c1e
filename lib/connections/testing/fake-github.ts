import {
  type FakeReply,
  type FakeRequest,
  type FakeServer,
  presentedToken,
  startFakeServer,
} from "./fake-http";

/**
 * A fake GitHub REST API serving the documented shapes of "Get the authenticated user",
 * "Get a repository" and "List repository workflows", with `x-ratelimit-*` headers. Serve
 * it under `/api/v3` to stand in for GitHub Enterprise Server. Test code only.
 */

export type FakeGitHubOptions = {
  token: string;
  login?: string;
  /** `owner/repo` → number of workflows. */
  repositories?: Record<string, number>;
  prefix?: string;
};

const DOCS = "https://docs.github.com/rest";

export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeServer & { baseUrl: string }> {
  const prefix = options.prefix ?? "";
  const login = options.login ?? "octocat";
  let used = 0;
  const api = (origin: string) => `${origin}${prefix}`;
  let origin = "";

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
    const reply = ok();
    return { ...reply, headers: { ...headers, ...reply.headers } };
  }

  const notFound: FakeReply = {
    status: 404,
    body: { message: "Not Found", documentation_url: DOCS, status: "404" },
  };
  const repo = (full: string) =>
    Object.keys(options.repositories ?? {}).find((r) => r.toLowerCase() === full.toLowerCase());
  const esc = prefix.replace(/[/]/g, "\\/");

  const server = await startFakeServer([
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
  return { ...server, baseUrl: api(server.origin) };
}
