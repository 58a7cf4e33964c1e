import type { Page } from "@/lib/db/keyset";
import type { DeploymentListItem } from "@/lib/deployments/list-deployments";
import type { Jsonify } from "./fetch-json";
import { queryKeys } from "./keys";
import { LIVE_REFRESH_MS } from "./overview";
import { pagedQueryOptions } from "./paged";

export type DeploymentPageDto = Jsonify<Page<DeploymentListItem>>;
export type DeploymentListItemDto = DeploymentPageDto["items"][number];

/** The deployments page's URL filters: environment slug and status. */
export type DeploymentFilters = { project: string | null; environment: string | null; status: string | null };

export const deploymentQueries = {
  /** Deployment history; polls while a loaded deployment is still queued or in progress. */
  pages: (f: DeploymentFilters) =>
    pagedQueryOptions<DeploymentPageDto>(queryKeys.deployments.pages(f), "/api/v1/deployments", f, {
      refetchInterval: (data) =>
        data?.pages.some((page) =>
          page.items.some((d) => d.status === "queued" || d.status === "in_progress"),
        )
          ? LIVE_REFRESH_MS
          : false,
    }),
};
