import { createHash } from "node:crypto";
import type { FakeReply, FakeRequest } from "./fake-http";

/**
 * Data and list endpoints for the fake GitHub: workflow runs, their jobs, deployments and
 * deployment statuses in the documented REST shapes ("List workflow runs for a repository",
 * "List jobs for a workflow run attempt", "List deployments", "List deployment statuses"),
 * with `page`/`per_page` pagination and RFC 8288 Link headers, and a weak ETag per answer
 * so a matching If-None-Match gets 304. Tests mutate the arrays to simulate change. Test only.
 */

export type FakeRun = {
  id: number;
  name: string;
  workflow_id: number;
  run_number: number;
  run_attempt: number;
  status: string;
  conclusion: string | null;
  event: string;
  head_sha: string;
  head_branch: string;
  display_title: string;
  created_at: string;
  updated_at: string;
  run_started_at: string;
  jobs: { id: number; name: string; status: string; conclusion: string | null }[];
};

export type FakeDeployment = {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  created_at: string;
  updated_at: string;
  /** Newest last; GitHub lists them newest first. */
  statuses: { id: number; state: string; created_at: string }[];
};

/** `n` finished runs of workflow 161335, one a minute from `start`, newest first like GitHub. */
export function fakeRuns(n: number, start: Date, firstId = 30433642): FakeRun[] {
  return Array.from({ length: n }, (_, i) => {
    const created = new Date(start.getTime() + i * 60_000).toISOString().replace(".000", "");
    const updated = new Date(start.getTime() + i * 60_000 + 90_000).toISOString().replace(".000", "");
    const id = firstId + i;
    return {
      id,
      name: "CI",
      workflow_id: 161335,
      run_number: 560 + i,
      run_attempt: 1,
      status: "completed",
      conclusion: i % 5 === 4 ? "failure" : "success",
      event: "push",
      head_sha: createHash("sha1").update(String(id)).digest("hex"),
      head_branch: "main",
      display_title: `Change ${i + 1}`,
      created_at: created,
      updated_at: updated,
      run_started_at: created,
      jobs: [
        { id: id * 10 + 1, name: "build", status: "completed", conclusion: "success" },
        {
          id: id * 10 + 2,
          name: "test",
          status: "completed",
          conclusion: i % 5 === 4 ? "failure" : "success",
        },
      ],
    };
  }).reverse();
}

type Page<T> = { items: T[]; link: string | null };

/** One page of `items` and its Link header (next, last, first, prev as GitHub sends them). */
function paginate<T>(origin: string, request: FakeRequest, items: T[]): Page<T> {
  const perPage = Math.min(Number(request.query.get("per_page") ?? 30) || 30, 100);
  const page = Math.max(Number(request.query.get("page") ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const href = (p: number) => {
    const query = new URLSearchParams(request.query);
    query.set("page", String(p));
    query.set("per_page", String(perPage));
    return `<${origin}${request.path}?${query.toString()}>`;
  };
  const links: string[] = [];
  if (page < last) links.push(`${href(page + 1)}; rel="next"`, `${href(last)}; rel="last"`);
  if (page > 1) links.push(`${href(1)}; rel="first"`, `${href(page - 1)}; rel="prev"`);
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    link: links.length ? links.join(", ") : null,
  };
}

/** A 200 with an ETag over the body, or a 304 when the client already holds that ETag. */
function conditional(request: FakeRequest, body: unknown, link: string | null): FakeReply {
  const etag = `W/"${createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 32)}"`;
  const headers: Record<string, string> = { etag, "cache-control": "private, max-age=60, s-maxage=60" };
  if (link) headers.link = link;
  if (request.headers["if-none-match"] === etag) return { status: 304, headers: { etag } };
  return { status: 200, headers, body };
}

const repoJson = (api: string, full: string) => ({
  id: 1296269,
  name: full.split("/")[1],
  full_name: full,
  owner: { login: full.split("/")[0], id: 1, type: "Organization" },
  private: false,
  html_url: `https://github.com/${full}`,
  url: `${api}/repos/${full}`,
});

function runJson(api: string, full: string, run: FakeRun) {
  const { jobs: _jobs, ...fields } = run;
  return {
    ...fields,
    node_id: `WFR_${run.id}`,
    path: ".github/workflows/ci.yml",
    check_suite_id: run.id + 1,
    url: `${api}/repos/${full}/actions/runs/${run.id}`,
    html_url: `https://github.com/${full}/actions/runs/${run.id}`,
    jobs_url: `${api}/repos/${full}/actions/runs/${run.id}/jobs`,
    workflow_url: `${api}/repos/${full}/actions/workflows/${run.workflow_id}`,
    actor: { login: "octocat", id: 1 },
    triggering_actor: { login: "octocat", id: 1 },
    head_commit: { id: run.head_sha, message: run.display_title },
    pull_requests: [],
    repository: repoJson(api, full),
    head_repository: repoJson(api, full),
  };
}

/** "List workflow runs for a repository", honouring `created=>=<iso>`. */
export function listRuns(origin: string, api: string, full: string, runs: FakeRun[], request: FakeRequest) {
  const created = request.query.get("created");
  const since = created?.startsWith(">=") ? new Date(created.slice(2)) : null;
  const matching = runs.filter((r) => !since || new Date(r.created_at) >= since);
  const { items, link } = paginate(origin, request, matching);
  const body = { total_count: matching.length, workflow_runs: items.map((r) => runJson(api, full, r)) };
  return conditional(request, body, link);
}

/** "List jobs for a workflow run". */
export function listJobs(origin: string, full: string, run: FakeRun, request: FakeRequest) {
  const jobs = run.jobs.map((job, i) => ({
    id: job.id,
    run_id: run.id,
    run_attempt: run.run_attempt,
    workflow_name: run.name,
    head_branch: run.head_branch,
    head_sha: run.head_sha,
    name: job.name,
    status: job.status,
    conclusion: job.conclusion,
    html_url: `https://github.com/${full}/actions/runs/${run.id}/job/${job.id}`,
    created_at: run.created_at,
    started_at: new Date(new Date(run.created_at).getTime() + (i + 1) * 5000).toISOString(),
    completed_at: job.status === "completed" ? run.updated_at : null,
    runner_name: "GitHub Actions 2",
    labels: ["ubuntu-latest"],
    steps: [],
  }));
  const { items, link } = paginate(origin, request, jobs);
  return conditional(request, { total_count: jobs.length, jobs: items }, link);
}

/** "List deployments" (newest first). */
export function listDeployments(
  origin: string,
  api: string,
  full: string,
  list: FakeDeployment[],
  request: FakeRequest,
) {
  const ordered = [...list].sort((a, b) => b.created_at.localeCompare(a.created_at));
  const { items, link } = paginate(origin, request, ordered);
  const body = items.map((d) => ({
    url: `${api}/repos/${full}/deployments/${d.id}`,
    id: d.id,
    node_id: `DE_${d.id}`,
    sha: d.sha,
    ref: d.ref,
    task: "deploy",
    payload: {},
    original_environment: d.environment,
    environment: d.environment,
    description: `Deploy ${d.sha.slice(0, 7)}`,
    creator: { login: "octocat", id: 1 },
    created_at: d.created_at,
    updated_at: d.updated_at,
    statuses_url: `${api}/repos/${full}/deployments/${d.id}/statuses`,
    repository_url: `${api}/repos/${full}`,
    transient_environment: false,
    production_environment: d.environment === "production",
  }));
  return conditional(request, body, link);
}

/** "List deployment statuses" (newest first). */
export function listDeploymentStatuses(
  origin: string,
  full: string,
  d: FakeDeployment,
  request: FakeRequest,
) {
  const ordered = [...d.statuses].reverse().map((s) => ({
    id: s.id,
    state: s.state,
    description: `Deployment ${s.state}`,
    environment: d.environment,
    target_url: "",
    log_url: `https://github.com/${full}/actions/runs/1`,
    environment_url: "",
    creator: { login: "octocat", id: 1 },
    created_at: s.created_at,
    updated_at: s.created_at,
  }));
  const { items, link } = paginate(origin, request, ordered);
  return conditional(request, items, link);
}
