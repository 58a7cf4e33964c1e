import { createHash } from "node:crypto";
import { paginate } from "./fake-gitlab-ci";
import type { FakeReply, FakeRequest } from "./fake-http";

/**
 * Environments and deployments for the fake GitLab in the documented REST v4 shapes ("List
 * environments", "List project deployments"), with the same offset pagination as pipelines.
 * As in the documentation's example, a listed deployment embeds its environment without slug,
 * tier or state: those come from "List environments". Test code only.
 */

export type FakeGitlabEnvironment = {
  id: number;
  name: string;
  slug: string;
  external_url?: string | null;
  state?: "available" | "stopping" | "stopped";
  tier?: "production" | "staging" | "testing" | "development" | "other";
};

export type FakeGitlabDeployment = {
  id: number;
  iid: number;
  ref: string;
  sha: string;
  /** created, running, success, failed, canceled, skipped or blocked */
  status: string;
  created_at: string;
  updated_at: string;
  finished_at?: string | null;
  /** The environment's name; its other fields come from the project's environments. */
  environment: string;
  /** The job that deployed, and its pipeline; null for a deployment created through the API. */
  deployable?: { id: number; pipelineId: number } | null;
};

/** `n` successful deployments to `environment`, one a minute from `start`, each finished 90 s after it began. */
export function fakeDeployments(
  n: number,
  start: Date,
  environment: string,
  firstId = 41_000,
): FakeGitlabDeployment[] {
  return Array.from({ length: n }, (_, i) => {
    const at = (s: number) => new Date(start.getTime() + i * 60_000 + s * 1000).toISOString();
    const id = firstId + i;
    return {
      id,
      iid: 1 + i,
      ref: "main",
      sha: createHash("sha1").update(`gld${id}`).digest("hex"),
      status: "success",
      created_at: at(0),
      updated_at: at(90),
      finished_at: at(90),
      environment,
      deployable: { id: id * 10, pipelineId: id * 10 + 1 },
    };
  });
}

/** A stable id for an environment a deployment names but the project does not list. */
function environmentId(name: string): number {
  return Number.parseInt(createHash("sha1").update(name).digest("hex").slice(0, 6), 16);
}

function environmentBody(environment: FakeGitlabEnvironment, web: string) {
  return {
    id: environment.id,
    name: environment.name,
    slug: environment.slug,
    description: null,
    external_url: environment.external_url ?? null,
    state: environment.state ?? "available",
    tier: environment.tier ?? "other",
    created_at: "2024-01-01T00:00:00.000Z",
    updated_at: "2024-01-01T00:00:00.000Z",
    enable_advanced_logs_querying: false,
    logs_api_path: `${web}/-/logs/k8s.json?environment_name=${encodeURIComponent(environment.name)}`,
    auto_stop_at: null,
  };
}

/** "List environments", honouring `name`, `search` and `states`. */
export function listEnvironments(
  origin: string,
  web: string,
  list: FakeGitlabEnvironment[],
  request: FakeRequest,
): FakeReply {
  const name = request.query.get("name");
  const search = request.query.get("search");
  const states = request.query.get("states");
  const matching = list
    .filter((e) => !name || e.name === name)
    .filter((e) => !search || e.name.includes(search))
    .filter((e) => !states || (e.state ?? "available") === states)
    .sort((a, b) => a.id - b.id);
  const { items, headers } = paginate(origin, request, matching);
  return { status: 200, headers, body: items.map((e) => environmentBody(e, web)) };
}

function deploymentBody(d: FakeGitlabDeployment, web: string, environments: FakeGitlabEnvironment[]) {
  const environment = environments.find((e) => e.name === d.environment);
  const user = {
    id: 1,
    name: "John Smith",
    username: "jsmith",
    state: "active",
    avatar_url: "https://gitlab.example.com/uploads/user/avatar/1/index.jpg",
    web_url: "https://gitlab.example.com/jsmith",
  };
  const finished = d.finished_at ?? null;
  return {
    id: d.id,
    iid: d.iid,
    ref: d.ref,
    sha: d.sha,
    created_at: d.created_at,
    updated_at: d.updated_at,
    finished_at: finished,
    status: d.status,
    user,
    environment: {
      id: environment?.id ?? environmentId(d.environment),
      name: d.environment,
      external_url: environment?.external_url ?? null,
      created_at: "2024-01-01T00:00:00.000Z",
      updated_at: "2024-01-01T00:00:00.000Z",
    },
    deployable: d.deployable
      ? {
          id: d.deployable.id,
          status: d.status === "blocked" ? "manual" : d.status,
          stage: "deploy",
          name: "deploy",
          ref: d.ref,
          tag: false,
          coverage: null,
          created_at: d.created_at,
          started_at: d.created_at,
          finished_at: finished,
          duration: null,
          user,
          commit: {
            id: d.sha,
            short_id: d.sha.slice(0, 8),
            title: "Change",
            author_name: "John Smith",
            author_email: "john@example.com",
            created_at: d.created_at,
            message: "Change",
          },
          pipeline: {
            id: d.deployable.pipelineId,
            project_id: 3,
            sha: d.sha,
            ref: d.ref,
            status: d.status === "blocked" ? "manual" : d.status,
            source: "push",
            web_url: `${web}/-/pipelines/${d.deployable.pipelineId}`,
            created_at: d.created_at,
            updated_at: d.updated_at,
          },
          web_url: `${web}/-/jobs/${d.deployable.id}`,
          artifacts: [],
          runner: null,
          artifacts_expire_at: null,
        }
      : null,
  };
}

/**
 * "List project deployments", honouring `updated_after`, `environment`, `status` and
 * `order_by` (`id` by default, or `updated_at`) with `sort` (`asc` by default).
 */
export function listDeployments(
  origin: string,
  web: string,
  list: FakeGitlabDeployment[],
  environments: FakeGitlabEnvironment[],
  request: FakeRequest,
): FakeReply {
  const after = request.query.get("updated_after");
  const environment = request.query.get("environment");
  const status = request.query.get("status");
  const direction = request.query.get("sort") === "desc" ? -1 : 1;
  const matching = list
    .filter((d) => !after || new Date(d.updated_at) > new Date(after))
    .filter((d) => !environment || d.environment === environment)
    .filter((d) => !status || d.status === status)
    .sort(
      (a, b) =>
        direction *
        (request.query.get("order_by") === "updated_at"
          ? a.updated_at.localeCompare(b.updated_at) || a.id - b.id
          : a.id - b.id),
    );
  const { items, headers } = paginate(origin, request, matching);
  return { status: 200, headers, body: items.map((d) => deploymentBody(d, web, environments)) };
}
