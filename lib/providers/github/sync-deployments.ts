import type { Octokit } from "@octokit/rest";
import {
  cursorDate,
  mapOrSkip,
  type PagerInput,
  type ScopePager,
  type SyncCursor,
} from "@/lib/providers/shared/sync-types";
import type { WebhookEffect } from "@/lib/providers/shared/types";
import { mapDeployment, mapDeploymentStatus } from "./map-deployment";
import { githubSyncClient, isNotModified, nextLink, ownerRepo } from "./sync-client";

const PER_PAGE = 100;

type ApiDeployment = { id: number; created_at: string; [key: string]: unknown };

/** Same fields as the runs cursor (see sync-runs.ts); `openSince` is the oldest deployment not yet finished. */
type DeploymentsCursor = {
  since?: string;
  next?: string;
  etag?: string;
  etagSince?: string;
  pendingEtag?: string;
  openSince?: string;
  newest?: string;
};

const FINISHED = new Set(["succeeded", "failed", "cancelled"]);

/** The deployment's newest status (statuses are listed newest first), as the webhook mappers see it. */
async function deploymentEffect(
  octokit: Octokit,
  names: { owner: string; repo: string },
  deployment: ApiDeployment,
  repository: { full_name: string; html_url: string },
): Promise<WebhookEffect> {
  const { data } = await octokit.repos.listDeploymentStatuses({
    ...names,
    deployment_id: deployment.id,
    per_page: 1,
  });
  const [latest] = data;
  if (!latest) return mapDeployment({ deployment, repository });
  const effect = mapDeploymentStatus({ deployment, deployment_status: latest, repository });
  // `inactive` only marks a superseded success: the deployment itself succeeded.
  return effect.kind === "ignore" && latest.state === "inactive"
    ? mapDeploymentStatus({ deployment, deployment_status: { ...latest, state: "success" }, repository })
    : effect;
}

/**
 * Deployments of one repository: "List deployments" (newest first) page by page until one
 * is older than `since`, each with its latest status. Environment names are matched to
 * Tandem environments when applied; unknown ones are skipped and counted.
 */
export function githubDeploymentsPager(input: PagerInput): ScopePager {
  const octokit = githubSyncClient(input);
  const names = ownerRepo(input.repository);
  const repository = { full_name: input.repository, html_url: "" };
  return {
    scope: `deployments:${input.repository}`,
    async page(raw: SyncCursor) {
      if (!names) throw new Error(`"${input.repository}" is not owner/repo`);
      const cursor = raw as DeploymentsCursor;
      const since = cursorDate(cursor.since, input.backfillSince).toISOString();
      let response: { data: unknown; headers: { etag?: string; link?: string } };
      try {
        response = cursor.next
          ? await octokit.request({ method: "GET", url: cursor.next })
          : await octokit.repos.listDeployments({
              ...names,
              per_page: PER_PAGE,
              headers: cursor.etag && cursor.etagSince === since ? { "if-none-match": cursor.etag } : {},
            });
      } catch (error) {
        if (!cursor.next && isNotModified(error)) {
          return { effects: [], cursor: { since, etag: cursor.etag, etagSince: since }, done: true };
        }
        throw error;
      }
      const effects: WebhookEffect[] = [];
      let { openSince, newest } = cursor;
      let reachedSince = false;
      for (const deployment of response.data as ApiDeployment[]) {
        if (new Date(deployment.created_at) < new Date(since)) {
          reachedSince = true;
          break;
        }
        const effect = await deploymentEffect(octokit, names, deployment, repository).catch(
          (error: unknown) =>
            mapOrSkip(() => {
              throw error;
            }),
        );
        effects.push(effect);
        const status = effect.kind === "deployment" ? effect.draft.status : "succeeded";
        if (!FINISHED.has(status) && (!openSince || deployment.created_at < openSince))
          openSince = deployment.created_at;
        if (!newest || deployment.created_at > newest) newest = deployment.created_at;
      }
      const pendingEtag = cursor.next ? cursor.pendingEtag : (response.headers.etag ?? undefined);
      const next = reachedSince ? null : nextLink(response.headers.link);
      if (next) {
        return { effects, cursor: { ...cursor, since, next, pendingEtag, openSince, newest }, done: false };
      }
      return {
        effects,
        cursor: { since: openSince ?? newest ?? since, etag: pendingEtag, etagSince: since },
        done: true,
      };
    },
  };
}
