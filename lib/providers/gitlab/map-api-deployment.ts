import { parseProviderTime } from "@/lib/providers/shared/payload";
import type { WebhookEffect } from "@/lib/providers/shared/types";
import { mapGitlabDeployment } from "./map-deployment";

/** An environment as "List environments" returns it (and, with fewer fields, as deployments embed it). */
export type ApiEnvironment = {
  id: number;
  name: string;
  slug?: string | null;
  external_url?: string | null;
  state?: string | null;
  tier?: string | null;
};

/** A deployment as "List project deployments" returns it; only the fields Tandem reads. */
export type ApiDeployment = {
  id: number;
  iid?: number | null;
  ref?: string | null;
  sha?: string | null;
  created_at: string;
  updated_at: string;
  finished_at?: string | null;
  status: string;
  user?: { username?: string | null; name?: string | null } | null;
  environment?: ApiEnvironment | null;
  deployable?: {
    id: number;
    status?: string | null;
    web_url?: string | null;
    finished_at?: string | null;
    commit?: { title?: string | null } | null;
    pipeline?: { id: number } | null;
  } | null;
};

export type ApiProject = {
  id: number;
  name?: string | null;
  path_with_namespace: string;
  web_url?: string | null;
};

const FINISHED = new Set(["success", "failed", "canceled", "skipped"]);

/**
 * The Deployment Hook GitLab would send for a listed deployment's current status. The API and
 * the hook name the same things differently (`id` vs `deployment_id`, a full `sha` vs
 * `short_sha` + `commit_url`); the environment's slug and URL come from "List environments"
 * when the deployment's embedded environment lacks them.
 */
export function deploymentHook(d: ApiDeployment, project: ApiProject, listed?: ApiEnvironment) {
  const environment = { ...d.environment, ...listed };
  const web = project.web_url ?? "";
  const finishedAt = FINISHED.has(d.status) ? (d.finished_at ?? d.deployable?.finished_at) : null;
  return {
    object_kind: "deployment",
    status: d.status,
    status_changed_at: finishedAt ?? d.updated_at,
    deployment_id: d.id,
    deployable_id: d.deployable?.id ?? null,
    deployable_url: d.deployable ? (d.deployable.web_url ?? `${web}/-/jobs/${d.deployable.id}`) : null,
    environment: environment.name,
    environment_slug: environment.slug ?? null,
    environment_tier: environment.tier ?? null,
    environment_external_url: environment.external_url ?? null,
    project,
    short_sha: (d.sha ?? "").slice(0, 8),
    user: d.user ?? null,
    commit_url: d.sha ? `${web}/-/commit/${d.sha}` : null,
    commit_title: d.deployable?.commit?.title ?? null,
  };
}

/**
 * A listed deployment in Tandem's words, through the Deployment Hook mapper so sync and webhook
 * agree on the external id (`gitlab:<id>`), the status mapping, the environment names matched
 * and the blocked-deployment gate. The API also knows when the deployment was created, which
 * the hook does not: that is its start.
 */
export function mapGitlabApiDeployment(
  d: ApiDeployment,
  project: ApiProject,
  environments: ReadonlyMap<number, ApiEnvironment>,
): WebhookEffect {
  const listed = d.environment ? environments.get(d.environment.id) : undefined;
  const effect = mapGitlabDeployment(deploymentHook(d, project, listed));
  if (effect.kind !== "deployment") return effect;
  const created = parseProviderTime(d.created_at);
  if (!created || created > effect.draft.startedAt) return effect;
  return { ...effect, draft: { ...effect.draft, startedAt: created } };
}
