import { Jobs, Pipelines, Projects } from "@gitbeaker/rest";
import {
  cursorDate,
  mapOrSkip,
  type PagerInput,
  type ScopePager,
  type SyncCursor,
} from "@/lib/providers/shared/sync-types";
import { mapGitlabPipeline } from "./map-pipeline";
import { gitlabSyncOptions } from "./sync-client";

const PER_PAGE = 100;

type ApiPipeline = {
  id: number;
  iid?: number | null;
  name?: string | null;
  ref?: string | null;
  sha?: string | null;
  source?: string | null;
  status: string;
  created_at: string;
  updated_at: string;
  web_url?: string | null;
  user?: { username?: string | null; name?: string | null } | null;
};
type ApiJob = {
  id: number;
  stage?: string | null;
  name: string;
  status: string;
  started_at?: string | null;
  finished_at?: string | null;
  runner?: { description?: string | null } | null;
};

/**
 * Cursor of a `pipelines:<group/project>` scope: `since` is the `updated_after` bound of this
 * pass (pipelines come oldest update first), `page` the next offset page while a pass is under
 * way, `newest` the latest `updated_at` seen, where the next pass starts.
 */
type PipelinesCursor = { since?: string; page?: number; newest?: string };

/**
 * GitLab pipelines of one project, with their jobs: "List project pipelines" ordered by
 * `updated_at` and filtered by `updated_after`, every offset page (x-next-page) to the end;
 * each pipeline's jobs from "List pipeline jobs"; mapped through the Pipeline Hook mapper.
 */
export function gitlabPipelinesPager(input: PagerInput): ScopePager {
  const options = gitlabSyncOptions(input);
  const pipelines = new Pipelines(options);
  const jobs = new Jobs(options);
  const projects = new Projects(options);
  let project: { id: number; name?: string; path_with_namespace: string; web_url?: string } | null = null;
  return {
    scope: `pipelines:${input.repository}`,
    async page(raw: SyncCursor) {
      const cursor = raw as PipelinesCursor;
      const since = cursorDate(cursor.since, input.backfillSince).toISOString();
      project ??= (await projects.show(input.repository)) as unknown as typeof project;
      const { data, paginationInfo } = await pipelines.all(input.repository, {
        updatedAfter: since,
        orderBy: "updated_at",
        sort: "asc",
        perPage: PER_PAGE,
        page: cursor.page ?? 1,
        pagination: "offset",
        showExpanded: true,
      });
      const effects = [];
      let newest = cursor.newest;
      for (const pipeline of data as unknown as ApiPipeline[]) {
        const builds = (await jobs.all(input.repository, {
          pipelineId: pipeline.id,
          perPage: PER_PAGE,
        })) as unknown as ApiJob[];
        const stages = [...new Set(builds.map((b) => b.stage).filter((s): s is string => Boolean(s)))];
        const hook = {
          object_attributes: { ...pipeline, url: pipeline.web_url, stages, finished_at: null },
          user: pipeline.user ?? null,
          project,
          builds,
        };
        effects.push(mapOrSkip(() => mapGitlabPipeline(hook)));
        if (!newest || pipeline.updated_at > newest) newest = pipeline.updated_at;
      }
      const itemsTotal = Number.isFinite(paginationInfo.total) ? paginationInfo.total : null;
      if (paginationInfo.next) {
        return { effects, cursor: { since, page: paginationInfo.next, newest }, done: false, itemsTotal };
      }
      return { effects, cursor: { since: newest ?? since }, done: true, itemsTotal };
    },
  };
}
