import { z } from "zod";
import type { GateDraft } from "@/lib/providers/shared/types";

/**
 * The "Invoke REST API" check's documented callback headers (Approvals and checks →
 * Invoke REST API, "Completion event: Callback"): the defaults Azure sends are
 * PlanUrl=$(system.CollectionUri), ProjectId=$(System.TeamProjectId),
 * HubName=$(system.HostType), PlanId=$(system.PlanId), JobId=$(system.JobId),
 * TimelineId=$(system.TimelineId), TaskInstanceId=$(system.TaskInstanceId),
 * AuthToken=$(system.AccessToken). They may also be put in the body under the same names.
 */
export const AZURE_CHECK_HEADERS = [
  "PlanUrl",
  "ProjectId",
  "HubName",
  "PlanId",
  "JobId",
  "TaskInstanceId",
  "AuthToken",
] as const;

/** What Tandem needs in the check's body (set in the check's "Body" field). */
export const azureCheckBody = z.object({
  /** The Tandem environment (slug or name) the stage deploys to. */
  environment: z.string().trim().min(1),
  /** The name the connection's project mapping knows (repository or Azure project). */
  repository: z.string().trim().min(1),
  /** $(Build.SourceVersion): the commit whose release is promoted. */
  commit: z.string().trim().min(7).max(64),
  /** $(Build.BuildId): the run, so its state changes finish Tandem's deployment. */
  runId: z.union([z.string(), z.number()]).optional(),
  ref: z.string().optional(),
});
export type AzureCheckBody = z.infer<typeof azureCheckBody>;

export type AzureCheckHeaders = Record<(typeof AZURE_CHECK_HEADERS)[number], string>;

/** The callback values from the headers (or body), or the names of those missing. */
export function readCheckHeaders(
  headers: Headers,
  body: Record<string, unknown>,
): AzureCheckHeaders | { missing: string[] } {
  const values: Partial<AzureCheckHeaders> = {};
  const missing: string[] = [];
  for (const name of AZURE_CHECK_HEADERS) {
    const value = headers.get(name) ?? (typeof body[name] === "string" ? (body[name] as string) : null);
    if (value?.trim()) values[name] = value.trim();
    else missing.push(name);
  }
  return missing.length > 0 ? { missing } : (values as AzureCheckHeaders);
}

/** The gate a check call describes; `authTokenSealed` is the job token, sealed by the caller. */
export function azureCheckGate(
  check: AzureCheckHeaders,
  body: AzureCheckBody,
  authTokenSealed: string,
): GateDraft {
  const sha = body.commit.toLowerCase();
  return {
    provider: "azure_devops",
    key: `azure_devops:${check.PlanId}:${check.TaskInstanceId}`,
    environments: [body.environment],
    version: sha.slice(0, 8),
    commitSha: /^[0-9a-f]{40}$/.test(sha) ? sha : null,
    actor: null,
    description: `Azure DevOps run ${body.runId ?? check.PlanId} of ${sha.slice(0, 8)}${body.ref ? ` (${body.ref})` : ""} waits for Tandem's approval to deploy to ${body.environment}.`,
    callbackUrl: check.PlanUrl,
    ref: {
      planUrl: check.PlanUrl,
      projectId: check.ProjectId,
      hubName: check.HubName,
      planId: check.PlanId,
      jobId: check.JobId,
      taskInstanceId: check.TaskInstanceId,
      authTokenSealed,
      ...(body.runId !== undefined ? { runId: String(body.runId) } : {}),
    },
  };
}
