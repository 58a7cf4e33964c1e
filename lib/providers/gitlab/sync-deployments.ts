import { Deployments, Environments, Projects } from "@gitbeaker/rest";
import {
  mapOrSkip,
  type PagerInput,
  type ScopePager,
  type SyncCursor,
} from "@/lib/providers/shared/sync-types";
import {
  type ApiDeployment,
  type ApiEnvironment,
  type ApiProject,
  mapGitlabApiDeployment,
} from "./map-api-deployment";
import { gitlabSyncOptions } from "./sync-client";
import { PER_PAGE, updatedAfterPage } from "./updated-after-page";

/** A guard against a server that keeps answering `x-next-page`: 5,000 environments is far past any real project. */
const MAX_ENVIRONMENT_PAGES = 50;

/**
 * GitLab deployments of one project: "List project deployments" ordered by `updated_at` and
 * filtered by `updated_after`, every offset page (x-next-page) to the end, each mapped through
 * the Deployment Hook mapper. "List environments" is read once per pass for the slugs and URLs
 * the embedded environments may lack. GitLab environments are never created in Tandem: a
 * deployment is stored in the project's environment whose slug or name matches the GitLab
 * environment's name or slug (as for webhooks); one with no match is skipped and counted.
 */
export function gitlabDeploymentsPager(input: PagerInput): ScopePager {
  const options = gitlabSyncOptions(input);
  const deployments = new Deployments(options);
  const environmentsApi = new Environments(options);
  const projects = new Projects(options);
  let project: ApiProject | null = null;
  let environments: Map<number, ApiEnvironment> | null = null;

  async function listEnvironments(): Promise<Map<number, ApiEnvironment>> {
    const found = new Map<number, ApiEnvironment>();
    let page: number | null = 1;
    for (let n = 0; page !== null && n < MAX_ENVIRONMENT_PAGES; n++) {
      const current: number = page;
      const { data, paginationInfo } = await environmentsApi.all(input.repository, {
        perPage: PER_PAGE,
        page: current,
        pagination: "offset",
        showExpanded: true,
      });
      for (const environment of data as unknown as ApiEnvironment[]) found.set(environment.id, environment);
      page = paginationInfo.next;
    }
    return found;
  }

  return {
    scope: `deployments:${input.repository}`,
    async page(cursor: SyncCursor) {
      // Read once, before the first page: the mapper needs both for every deployment.
      project ??= (await projects.show(input.repository)) as unknown as ApiProject;
      environments ??= await listEnvironments();
      const known = { project, environments };
      return updatedAfterPage<ApiDeployment>(
        cursor,
        input.backfillSince,
        (query) => deployments.all(input.repository, query),
        (deployment) =>
          mapOrSkip(() => mapGitlabApiDeployment(deployment, known.project, known.environments)),
      );
    },
  };
}
