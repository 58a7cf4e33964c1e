import { createHash } from "node:crypto";
import type { FakeReply, FakeRequest } from "./fake-http";

/**
 * Pipelines and jobs for the fake GitLab in the documented REST v4 shapes ("List project
 * pipelines", "List pipeline jobs"), with offset pagination as GitLab sends it: `x-page`,
 * `x-per-page`, `x-next-page`, `x-prev-page`, `x-total`, `x-total-pages` and a Link header.
 * Test code only.
 */

export type FakeGitlabPipeline = {
  id: number;
  iid: number;
  sha: string;
  ref: string;
  status: string;
  source: string;
  created_at: string;
  updated_at: string;
  jobs: { id: number; name: string; stage: string; status: string }[];
};

/** `n` finished pipelines, one a minute from `start`, with a build and a test job each. */
export function fakePipelines(n: number, start: Date, firstId = 61_000): FakeGitlabPipeline[] {
  return Array.from({ length: n }, (_, i) => {
    const at = (s: number) => new Date(start.getTime() + i * 60_000 + s * 1000).toISOString();
    const id = firstId + i;
    const status = i % 4 === 3 ? "failed" : "success";
    return {
      id,
      iid: 100 + i,
      sha: createHash("sha1").update(`gl${id}`).digest("hex"),
      ref: "main",
      status,
      source: "push",
      created_at: at(0),
      updated_at: at(120),
      jobs: [
        { id: id * 10 + 1, name: "build", stage: "build", status: "success" },
        { id: id * 10 + 2, name: "test", stage: "test", status },
      ],
    };
  });
}

/** Offset pagination as GitLab sends it (also used by the deployments fake). */
export function paginate<T>(origin: string, request: FakeRequest, items: T[]) {
  const perPage = Math.min(Number(request.query.get("per_page") ?? 20) || 20, 100);
  const page = Math.max(Number(request.query.get("page") ?? 1) || 1, 1);
  const totalPages = Math.max(Math.ceil(items.length / perPage), 1);
  const href = (p: number) => {
    const query = new URLSearchParams(request.query);
    query.set("page", String(p));
    query.set("per_page", String(perPage));
    return `<${origin}${request.path}?${query.toString()}>`;
  };
  const links = [`${href(1)}; rel="first"`, `${href(totalPages)}; rel="last"`];
  if (page < totalPages) links.unshift(`${href(page + 1)}; rel="next"`);
  if (page > 1) links.unshift(`${href(page - 1)}; rel="prev"`);
  const headers = {
    "x-page": String(page),
    "x-per-page": String(perPage),
    "x-next-page": page < totalPages ? String(page + 1) : "",
    "x-prev-page": page > 1 ? String(page - 1) : "",
    "x-total": String(items.length),
    "x-total-pages": String(totalPages),
    link: links.join(", "),
  };
  return { items: items.slice((page - 1) * perPage, page * perPage), headers };
}

/** "List project pipelines", honouring `updated_after` and `order_by=updated_at&sort=asc`. */
export function listPipelines(
  origin: string,
  web: string,
  list: FakeGitlabPipeline[],
  request: FakeRequest,
): FakeReply {
  const after = request.query.get("updated_after");
  const matching = list
    .filter((p) => !after || new Date(p.updated_at) > new Date(after))
    .sort((a, b) =>
      request.query.get("order_by") === "updated_at"
        ? a.updated_at.localeCompare(b.updated_at) * (request.query.get("sort") === "desc" ? -1 : 1)
        : b.id - a.id,
    );
  const { items, headers } = paginate(origin, request, matching);
  const body = items.map(({ jobs: _jobs, ...p }) => ({
    ...p,
    project_id: 3,
    name: null,
    web_url: `${web}/-/pipelines/${p.id}`,
  }));
  return { status: 200, headers, body };
}

/** "List pipeline jobs". */
export function listPipelineJobs(
  origin: string,
  pipeline: FakeGitlabPipeline,
  request: FakeRequest,
): FakeReply {
  const jobs = pipeline.jobs.map((job, i) => ({
    id: job.id,
    status: job.status,
    stage: job.stage,
    name: job.name,
    ref: pipeline.ref,
    tag: false,
    allow_failure: false,
    created_at: pipeline.created_at,
    started_at: new Date(new Date(pipeline.created_at).getTime() + (i + 1) * 10_000).toISOString(),
    finished_at: pipeline.updated_at,
    duration: 60,
    user: { id: 1, username: "jsmith", name: "John Smith" },
    commit: { id: pipeline.sha, short_id: pipeline.sha.slice(0, 8), title: "Change" },
    pipeline: {
      id: pipeline.id,
      project_id: 3,
      ref: pipeline.ref,
      sha: pipeline.sha,
      status: pipeline.status,
    },
    runner: { id: 32, description: "shared-runner-1", active: true, is_shared: true },
    web_url: `${origin}/-/jobs/${job.id}`,
  }));
  const { items, headers } = paginate(origin, request, jobs);
  return { status: 200, headers, body: items };
}
