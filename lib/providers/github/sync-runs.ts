import type { Octokit } from "@octokit/rest";
import {
  cursorDate,
  mapOrSkip,
  type PagerInput,
  type ScopePager,
  type SyncCursor,
} from "@/lib/providers/shared/sync-types";
import type { JobDraft, WebhookEffect } from "@/lib/providers/shared/types";
import { mapWorkflowJob } from "./map-workflow-job";
import { mapWorkflowRun } from "./map-workflow-run";
import { githubSyncClient, isNotModified, nextLink, ownerRepo } from "./sync-client";

const PER_PAGE = 100;

type ApiRun = {
  id: number;
  status: string | null;
  created_at: string;
  repository: { full_name: string; html_url?: string | null };
  [key: string]: unknown;
};

/**
 * Cursor of a `runs:<owner/repo>` scope:
 * - `since`: this pass lists runs created at or after it (`created=>=<iso>`);
 * - `next`: the Link URL of the next page while a pass is under way (a crash resumes there);
 * - `etag` / `etagSince`: the first page's ETag, sent as If-None-Match when the next pass asks
 *   the same question, so "nothing changed" costs one 304 (which GitHub does not count);
 * - `openSince` / `newest`: the oldest unfinished and the newest run seen in this pass; the
 *   next pass starts at the older of them, so runs still going are looked at again.
 */
type RunsCursor = {
  since?: string;
  next?: string;
  etag?: string;
  etagSince?: string;
  pendingEtag?: string;
  openSince?: string;
  newest?: string;
};

const earlier = (a: string | undefined, b: string) => (a && a < b ? a : b);
const later = (a: string | undefined, b: string) => (a && a > b ? a : b);

/** Jobs of one run attempt, every page, mapped through the workflow_job mapper. */
async function runJobs(octokit: Octokit, owner: string, repo: string, run: ApiRun): Promise<JobDraft[]> {
  const jobs = await octokit.paginate(octokit.actions.listJobsForWorkflowRun, {
    owner,
    repo,
    run_id: run.id,
    filter: "latest",
    per_page: PER_PAGE,
  });
  const drafts: JobDraft[] = [];
  for (const job of jobs) {
    const effect = mapOrSkip(() => mapWorkflowJob({ workflow_job: job, repository: run.repository }));
    if (effect.kind === "jobs") drafts.push(...effect.jobs.map((j) => ({ ...j, position: drafts.length })));
  }
  return drafts;
}

/** The effect of one API run: the same mapper as the workflow_run webhook, plus its jobs. */
function runEffect(run: ApiRun, jobs: JobDraft[]): WebhookEffect {
  const effect = mapOrSkip(() => mapWorkflowRun({ workflow_run: run, repository: run.repository }));
  if (effect.kind !== "run") return effect;
  return { ...effect, draft: { ...effect.draft, jobs } };
}

/**
 * Workflow runs (and their jobs) of one repository: "List workflow runs for a repository"
 * filtered by creation time, every page to the end through the Link header.
 */
export function githubRunsPager(input: PagerInput): ScopePager {
  const scope = `runs:${input.repository}`;
  const octokit = githubSyncClient(input);
  const names = ownerRepo(input.repository);
  return {
    scope,
    async page(raw: SyncCursor) {
      if (!names) throw new Error(`"${input.repository}" is not owner/repo`);
      const cursor = raw as RunsCursor;
      const since = cursorDate(cursor.since, input.backfillSince).toISOString();
      let response: { data: unknown; headers: { etag?: string; link?: string } };
      try {
        response = cursor.next
          ? await octokit.request({ method: "GET", url: cursor.next })
          : await octokit.actions.listWorkflowRunsForRepo({
              ...names,
              created: `>=${since}`,
              per_page: PER_PAGE,
              headers: cursor.etag && cursor.etagSince === since ? { "if-none-match": cursor.etag } : {},
            });
      } catch (error) {
        if (!cursor.next && isNotModified(error)) {
          return {
            effects: [],
            cursor: { since, etag: cursor.etag, etagSince: since },
            done: true,
            itemsTotal: 0,
          };
        }
        throw error;
      }
      const data = response.data as { total_count: number; workflow_runs: ApiRun[] };
      const runs = data.workflow_runs;
      const effects: WebhookEffect[] = [];
      let { openSince, newest } = cursor;
      for (const run of runs) {
        effects.push(runEffect(run, await runJobs(octokit, names.owner, names.repo, run)));
        if (run.status !== "completed") openSince = earlier(openSince, run.created_at);
        newest = later(newest, run.created_at);
      }
      const pendingEtag = cursor.next ? cursor.pendingEtag : (response.headers.etag ?? undefined);
      const next = nextLink(response.headers.link);
      const itemsTotal = data.total_count;
      if (next)
        return {
          effects,
          cursor: {
            since,
            next,
            pendingEtag,
            openSince,
            newest,
            etag: cursor.etag,
            etagSince: cursor.etagSince,
          },
          done: false,
          itemsTotal,
        };
      const nextSince = openSince ?? newest ?? since;
      // The ETag answers this pass's question; it only helps when the next pass asks it again.
      const done: RunsCursor = { since: nextSince, etag: pendingEtag, etagSince: since };
      return { effects, cursor: done, done: true, itemsTotal };
    },
  };
}
