import { type FakeGitlabPipeline, listPipelineJobs, listPipelines } from "./fake-gitlab-ci";
import {
  type FakeGitlabDeployment,
  type FakeGitlabEnvironment,
  listDeployments,
  listEnvironments,
} from "./fake-gitlab-deployments";
import {
  type FakeReply,
  type FakeRequest,
  type FakeServer,
  presentedToken,
  startFakeServer,
} from "./fake-http";

export { type FakeGitlabPipeline, fakePipelines } from "./fake-gitlab-ci";
export {
  type FakeGitlabDeployment,
  type FakeGitlabEnvironment,
  fakeDeployments,
} from "./fake-gitlab-deployments";

/**
 * A fake GitLab REST API (v4) serving the documented shapes of "Get the current user", "Get a
 * single project" (looked up by URL-encoded path), pipelines with their jobs, environments and
 * deployments, with `RateLimit-*` headers as
 * gitlab.com sends them. Test code only.
 */

export type FakeGitLabOptions = {
  token: string;
  username?: string;
  projects?: string[];
  /** Project path → its pipelines; tests mutate them to simulate change. */
  pipelines?: Record<string, FakeGitlabPipeline[]>;
  /** Project path → its environments. */
  environments?: Record<string, FakeGitlabEnvironment[]>;
  /** Project path → its deployments; tests mutate them to simulate change. */
  deployments?: Record<string, FakeGitlabDeployment[]>;
};

/** The next `times` matching requests get this answer (429 with Retry-After, a 5xx burst). */
export type FakeGitLabFault = {
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  times: number;
};
export type FakeGitLab = FakeServer & { baseUrl: string; faults: FakeGitLabFault[] };

export async function startFakeGitLab(options: FakeGitLabOptions): Promise<FakeGitLab> {
  const username = options.username ?? "jsmith";
  let observed = 0;
  let origin = "";
  const faults: FakeGitLabFault[] = [];
  const fault = (request: FakeRequest): FakeReply | null => {
    const hit = faults.find((f) => f.times > 0 && f.path.test(request.path));
    if (!hit) return null;
    hit.times -= 1;
    const message = hit.status === 429 ? "Retry later" : "500 Internal Server Error";
    return { status: hit.status, headers: hit.headers, body: { message } };
  };
  const known = (raw: string) =>
    (options.projects ?? []).find((p) => p.toLowerCase() === decodeURIComponent(raw).toLowerCase());

  function guarded(request: FakeRequest, ok: () => FakeReply): FakeReply {
    observed += 1;
    const headers = {
      "ratelimit-limit": "2000",
      "ratelimit-observed": String(observed),
      "ratelimit-remaining": String(2000 - observed),
      "ratelimit-reset": String(Math.floor(Date.now() / 1000) + 60),
    };
    if (presentedToken(request) !== options.token) {
      return { status: 401, headers, body: { message: "401 Unauthorized" } };
    }
    const reply = fault(request) ?? ok();
    return { ...reply, headers: { ...headers, ...reply.headers } };
  }

  const notFound: FakeReply = { status: 404, body: { message: "404 Project Not Found" } };
  const server = await startFakeServer([
    {
      method: "GET",
      path: /^\/api\/v4\/projects\/([^/]+)\/pipelines$/,
      reply: (request, match) =>
        guarded(request, () => {
          const path = known(match[1]!);
          if (!path) return notFound;
          return listPipelines(origin, `${origin}/${path}`, options.pipelines?.[path] ?? [], request);
        }),
    },
    {
      method: "GET",
      path: /^\/api\/v4\/projects\/([^/]+)\/pipelines\/(\d+)\/jobs$/,
      reply: (request, match) =>
        guarded(request, () => {
          const path = known(match[1]!);
          const pipeline = path ? options.pipelines?.[path]?.find((p) => String(p.id) === match[2]) : null;
          return pipeline ? listPipelineJobs(`${origin}/${path}`, pipeline, request) : notFound;
        }),
    },
    {
      method: "GET",
      path: /^\/api\/v4\/projects\/([^/]+)\/environments$/,
      reply: (request, match) =>
        guarded(request, () => {
          const path = known(match[1]!);
          if (!path) return notFound;
          return listEnvironments(origin, `${origin}/${path}`, options.environments?.[path] ?? [], request);
        }),
    },
    {
      method: "GET",
      path: /^\/api\/v4\/projects\/([^/]+)\/deployments$/,
      reply: (request, match) =>
        guarded(request, () => {
          const path = known(match[1]!);
          if (!path) return notFound;
          const environments = options.environments?.[path] ?? [];
          return listDeployments(
            origin,
            `${origin}/${path}`,
            options.deployments?.[path] ?? [],
            environments,
            request,
          );
        }),
    },
    {
      method: "GET",
      path: /^\/api\/v4\/user$/,
      reply: (request) =>
        guarded(request, () => ({
          status: 200,
          body: {
            id: 1,
            username,
            name: "John Smith",
            state: "active",
            locked: false,
            avatar_url: "https://gitlab.example.com/uploads/user/avatar/1/index.jpg",
            web_url: `${origin}/${username}`,
            created_at: "2012-05-23T08:00:58Z",
            bio: "",
            public_email: "",
            email: "john@example.com",
            two_factor_enabled: true,
            external: false,
            private_profile: false,
          },
        })),
    },
    {
      method: "GET",
      path: /^\/api\/v4\/projects\/([^/]+)$/,
      reply: (request, match) =>
        guarded(request, () => {
          const path = decodeURIComponent(match[1]!);
          const known = (options.projects ?? []).find((p) => p.toLowerCase() === path.toLowerCase());
          if (!known) return { status: 404, body: { message: "404 Project Not Found" } };
          const [namespace, ...rest] = known.split("/");
          const name = rest.at(-1) ?? known;
          return {
            status: 200,
            body: {
              id: 3,
              description: "A fake project",
              name,
              name_with_namespace: `${namespace} / ${name}`,
              path: name,
              path_with_namespace: known,
              created_at: "2013-09-30T13:46:02Z",
              default_branch: "main",
              visibility: "private",
              web_url: `${origin}/${known}`,
              http_url_to_repo: `${origin}/${known}.git`,
              ssh_url_to_repo: `git@127.0.0.1:${known}.git`,
              namespace: { id: 3, name: namespace, path: namespace, kind: "group", full_path: namespace },
              archived: false,
            },
          };
        }),
    },
  ]);
  origin = server.origin;
  return { ...server, baseUrl: server.origin, faults };
}
