import { Jobs, Pipelines, Projects } from "@gitbeaker/rest";
import {
  mapOrSkip,
  type PagerInput,
  type ScopePager,
  type SyncCursor,
} from "@/lib/providers/shared/sync-types";
import { mapGitlabPipeline } from "./map-pipeline";
import { gitlabSyncOptions } from "./sync-client";
import { PER_PAGE, updatedAfterPage } from "./updated-after-page";

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
    async page(cursor: SyncCursor) {
      project ??= (await projects.show(input.repository)) as unknown as typeof project;
      return updatedAfterPage<ApiPipeline>(
        cursor,
        input.backfillSince,
        (query) => pipelines.all(input.repository, query),
        async (pipeline) => {
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
          return mapOrSkip(() => mapGitlabPipeline(hook));
        },
      );
    },
  };
}
