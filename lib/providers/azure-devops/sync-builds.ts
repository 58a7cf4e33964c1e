import { getPersonalAccessTokenHandler, WebApi } from "azure-devops-node-api";
import type { IBuildApi } from "azure-devops-node-api/BuildApi";
import {
  cursorDate,
  mapOrSkip,
  type PagerInput,
  type ScopePager,
  type SyncCursor,
} from "@/lib/providers/shared/sync-types";
import type { JobDraft, WebhookEffect } from "@/lib/providers/shared/types";
import { mapAzureBuild } from "./map-build";
import { azureRunStatus } from "./map-status";

const TOP = 100;
const DEFAULT_TIMEOUT_MS = 30_000;
// The REST resources the typed client calls "Builds - List" and "Timeline - Get".
const BUILDS = { version: "7.2-preview.7", id: "0cd358e1-9217-4d94-8269-1c1ee6f93dcf" };
const TIMELINE = { version: "7.2-preview.3", id: "8baac422-4c6e-4de5-8532-db96d92acffa" };

type RawResponse = { result: unknown; headers: Record<string, string | string[] | undefined> };

/**
 * One GET through the client's own route discovery and REST client, keeping the raw JSON
 * and the headers: the typed `getBuilds` drops `x-ms-continuationtoken`, and raw JSON keeps
 * the documented string enums ("completed", "succeeded") the webhook mappers read.
 */
async function rawGet(
  api: IBuildApi,
  resource: typeof BUILDS,
  routeValues: object,
  query: object,
): Promise<RawResponse> {
  const verData = await api.vsoClient.getVersioningData(
    resource.version,
    "build",
    resource.id,
    routeValues,
    query,
  );
  const response = await api.rest.get(
    verData.requestUrl!,
    api.createRequestOptions("application/json", verData.apiVersion),
  );
  return { result: response.result, headers: (response.headers ?? {}) as RawResponse["headers"] };
}

type Build = { id: number; status: string; queueTime?: string | null; [key: string]: unknown };
type TimelineRecord = {
  id: string;
  parentId?: string | null;
  type: string;
  name: string;
  state?: string | null;
  result?: string | null;
  startTime?: string | null;
  finishTime?: string | null;
  order?: number | null;
  workerName?: string | null;
};

/** Timeline results the run-status mapper has no word for, in its words. */
const RESULT_ALIASES: Record<string, string> = { succeededwithissues: "succeeded" };

/** The Job records of a build's timeline, each under its Stage (Job → Phase → Stage). */
export function timelineJobs(records: TimelineRecord[]): JobDraft[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const stageOf = (record: TimelineRecord) => {
    let at: TimelineRecord | undefined = record;
    for (let depth = 0; at && depth < 5; depth++, at = at.parentId ? byId.get(at.parentId) : undefined) {
      if (at.type === "Stage") return at.name;
    }
    return null;
  };
  return records
    .filter((r) => r.type === "Job")
    .sort((a, b) => (a.startTime ?? "").localeCompare(b.startTime ?? "") || (a.order ?? 0) - (b.order ?? 0))
    .map((r, position) => {
      const result = r.result ? (RESULT_ALIASES[r.result.toLowerCase()] ?? r.result) : r.result;
      const status = azureRunStatus(r.state ?? "pending", result);
      return {
        externalId: r.id,
        name: r.name,
        stage: stageOf(r),
        status,
        runner: r.workerName ?? null,
        position,
        startedAt: status === "queued" || !r.startTime ? null : new Date(r.startTime),
        finishedAt: r.finishTime ? new Date(r.finishTime) : null,
      };
    });
}

/**
 * Cursor of a `builds:<project>` scope: `since` is this pass's `minTime` (queue time,
 * oldest first), `continuationToken` the next page while a pass is under way,
 * `openSince`/`newest` pick where the next pass starts (builds still running are read again).
 */
type BuildsCursor = { since?: string; continuationToken?: string; openSince?: string; newest?: string };

/**
 * Azure DevOps builds (classic and YAML pipeline runs) of one project with their timeline's
 * stages and jobs: "Builds - List" by queue time from `minTime`, following
 * `x-ms-continuationtoken` to the end, mapped through the build.complete mapper.
 */
export function azureBuildsPager(input: PagerInput): ScopePager {
  const api = new WebApi(
    input.baseUrl,
    getPersonalAccessTokenHandler(input.token),
    { socketTimeout: input.timeoutMs ?? DEFAULT_TIMEOUT_MS },
    { productName: "Tandem", productVersion: "1" },
  );
  let build: IBuildApi | null = null;
  const project = input.repository;
  return {
    scope: `builds:${project}`,
    async page(raw: SyncCursor) {
      const cursor = raw as BuildsCursor;
      const since = cursorDate(cursor.since, input.backfillSince).toISOString();
      build ??= await api.getBuildApi();
      const page = await rawGet(
        build,
        BUILDS,
        { project },
        {
          minTime: since,
          queryOrder: "queueTimeAscending",
          $top: TOP,
          continuationToken: cursor.continuationToken,
        },
      );
      input.onHeaders(Object.fromEntries(Object.entries(page.headers).map(([k, v]) => [k, String(v ?? "")])));
      const result = page.result as { value?: Build[] } | Build[] | null;
      const builds = (Array.isArray(result) ? result : (result?.value ?? [])) as Build[];
      const effects: WebhookEffect[] = [];
      let { openSince, newest } = cursor;
      for (const b of builds) {
        const timeline = await rawGet(build, TIMELINE, { project, buildId: b.id }, {});
        const records = ((timeline.result as { records?: TimelineRecord[] } | null)?.records ??
          []) as TimelineRecord[];
        effects.push(
          mapOrSkip(() => {
            const effect = mapAzureBuild({ resource: b });
            return effect.kind === "run"
              ? { ...effect, draft: { ...effect.draft, jobs: timelineJobs(records) } }
              : effect;
          }),
        );
        const queued = b.queueTime ?? since;
        if (b.status !== "completed" && (!openSince || queued < openSince)) openSince = queued;
        if (!newest || queued > newest) newest = queued;
      }
      const token = page.headers["x-ms-continuationtoken"];
      const next = Array.isArray(token) ? token[0] : token;
      if (next)
        return { effects, cursor: { since, continuationToken: next, openSince, newest }, done: false };
      return { effects, cursor: { since: openSince ?? newest ?? since }, done: true };
    },
  };
}
