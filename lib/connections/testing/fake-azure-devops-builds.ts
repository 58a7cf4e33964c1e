import type { FakeReply, FakeRequest } from "./fake-http";

/**
 * Builds and timelines for the fake Azure DevOps, in the documented REST shapes ("Builds -
 * List", "Timeline - Get"): string enums as the wire carries them, `$top` pages chained by an
 * `x-ms-continuationtoken` header. Test code only.
 */

export type FakeAzureBuild = {
  id: number;
  buildNumber: string;
  status: string;
  result: string | null;
  queueTime: string;
  startTime: string;
  finishTime: string | null;
  sourceVersion: string;
};

/** `n` finished builds of definition 1, one a minute from `start`. */
export function fakeBuilds(n: number, start: Date, firstId = 9000): FakeAzureBuild[] {
  return Array.from({ length: n }, (_, i) => {
    const at = (s: number) => new Date(start.getTime() + i * 60_000 + s * 1000).toISOString();
    return {
      id: firstId + i,
      buildNumber: `20240110.${i + 1}`,
      status: "completed",
      result: i % 3 === 2 ? "failed" : "succeeded",
      queueTime: at(0),
      startTime: at(5),
      finishTime: at(95),
      sourceVersion: (firstId + i).toString(16).padStart(40, "a"),
    };
  });
}

export const BUILD_LOCATIONS = [
  {
    id: "0cd358e1-9217-4d94-8269-1c1ee6f93dcf",
    area: "build",
    resourceName: "builds",
    routeTemplate: "{project}/_apis/build/{resource}/{buildId}",
    resourceVersion: 7,
    minVersion: "1.0",
    maxVersion: "7.2",
    releasedVersion: "7.1",
  },
  {
    id: "8baac422-4c6e-4de5-8532-db96d92acffa",
    area: "build",
    resourceName: "Timeline",
    routeTemplate: "{project}/_apis/build/builds/{buildId}/{resource}/{timelineId}",
    resourceVersion: 2,
    minVersion: "2.0",
    maxVersion: "7.2",
    releasedVersion: "7.1",
  },
];

type ProjectRef = { id: string; name: string };

/** "Builds - List" with `minTime` (queue time), `$top` and continuation tokens. */
export function listBuilds(
  orgUrl: string,
  project: ProjectRef,
  builds: FakeAzureBuild[],
  request: FakeRequest,
): FakeReply {
  const min = request.query.get("minTime");
  const top = Number(request.query.get("$top") ?? 1000) || 1000;
  const from = Number(request.query.get("continuationToken") ?? 0) || 0;
  const matching = builds
    .filter((b) => !min || new Date(b.queueTime) >= new Date(min))
    .sort((a, b) => a.queueTime.localeCompare(b.queueTime));
  const page = matching.slice(from, from + top);
  const value = page.map((b) => ({
    _links: { web: { href: `${orgUrl}/${project.name}/_build/results?buildId=${b.id}` } },
    id: b.id,
    buildNumber: b.buildNumber,
    status: b.status,
    result: b.result,
    queueTime: b.queueTime,
    startTime: b.startTime,
    finishTime: b.finishTime,
    lastChangedDate: b.finishTime ?? b.startTime,
    url: `${orgUrl}/${project.id}/_apis/build/Builds/${b.id}`,
    definition: { id: 1, name: `${project.name}-CI`, path: "\\", type: "build", project },
    project,
    uri: `vstfs:///Build/Build/${b.id}`,
    sourceBranch: "refs/heads/main",
    sourceVersion: b.sourceVersion,
    priority: "normal",
    reason: "individualCI",
    requestedFor: { displayName: "Ada Lovelace", uniqueName: "ada@fabrikam.com" },
    requestedBy: { displayName: "Microsoft.VisualStudio.Services.TFS" },
    repository: { id: "repo-1", type: "TfsGit", name: project.name },
  }));
  const headers: Record<string, string> = {};
  if (from + top < matching.length) headers["x-ms-continuationtoken"] = String(from + top);
  return { status: 200, headers, body: { count: value.length, value } };
}

/** "Timeline - Get": a Stage, its Phase and two Jobs. */
export function getTimeline(build: FakeAzureBuild): FakeReply {
  const record = (id: string, type: string, name: string, parentId: string | null, order: number) => ({
    id,
    parentId,
    type,
    name,
    state: build.status === "completed" ? "completed" : "inProgress",
    result:
      build.status === "completed" ? (type === "Job" && order === 2 ? build.result : "succeeded") : null,
    startTime: build.startTime,
    finishTime: build.finishTime,
    order,
    workerName: type === "Job" ? "Hosted Agent" : null,
  });
  const prefix = String(build.id).padStart(8, "0");
  const stage = `${prefix}-0000-4000-8000-000000000001`;
  const phase = `${prefix}-0000-4000-8000-000000000002`;
  return {
    status: 200,
    body: {
      id: `${prefix}-0000-4000-8000-000000000000`,
      changeId: 5,
      records: [
        record(stage, "Stage", "Build", null, 1),
        record(phase, "Phase", "Job", stage, 1),
        record(`${prefix}-0000-4000-8000-000000000003`, "Job", "Compile", phase, 1),
        { ...record(`${prefix}-0000-4000-8000-000000000004`, "Job", "Test", phase, 2) },
        record(
          `${prefix}-0000-4000-8000-000000000005`,
          "Task",
          "Checkout",
          `${prefix}-0000-4000-8000-000000000003`,
          1,
        ),
      ],
    },
  };
}
