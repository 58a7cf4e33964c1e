import type { Person, SeedProvider } from "./catalog";
import type { PipelineSpec } from "./pipeline-specs";
import type { Random } from "./random";

/**
 * What each provider calls things, and what its ids and links look like, so seeded runs
 * are indistinguishable from ones ingested through webhooks.
 */
export type TriggerKind = "push" | "review" | "schedule" | "manual";

const TRIGGERS: Record<SeedProvider, Record<TriggerKind, string>> = {
  github: { push: "push", review: "pull_request", schedule: "schedule", manual: "workflow_dispatch" },
  gitlab: { push: "push", review: "merge_request_event", schedule: "schedule", manual: "web" },
  azure_devops: { push: "individualCI", review: "pullRequest", schedule: "schedule", manual: "manual" },
};

export function triggerName(provider: SeedProvider, kind: TriggerKind): string {
  return TRIGGERS[provider][kind];
}

/** The actor a provider reports: logins on GitHub and GitLab, display names on Azure DevOps. */
export function actorName(provider: SeedProvider, person: Person): string {
  return provider === "azure_devops" ? person.name : person.login;
}

export const RENOVATE: Record<SeedProvider, string> = {
  github: "renovate[bot]",
  gitlab: "renovate-bot",
  azure_devops: "Renovate Bot",
};

/** Who a scheduled run belongs to, per provider. */
export function scheduleActor(provider: SeedProvider, owner: Person): string {
  if (provider === "azure_devops") return "Microsoft.VisualStudio.Services.TFS";
  return actorName(provider, owner);
}

/**
 * Id sequences that grow with time like the providers' own: GitHub and GitLab ids are
 * global and huge, Azure DevOps build ids are per organisation and small.
 */
export const RUN_ID_SEQUENCES: Record<SeedProvider, { start: number; gap: [number, number] }> = {
  github: { start: 9_412_000_000, gap: [40_000, 900_000] },
  gitlab: { start: 1_284_000_000, gap: [3_000, 60_000] },
  azure_devops: { start: 48_210, gap: [1, 3] },
};

export const JOB_ID_SEQUENCES: Record<SeedProvider, { start: number; gap: [number, number] }> = {
  github: { start: 26_118_000_000, gap: [1, 4] },
  gitlab: { start: 7_412_000_000, gap: [1, 3] },
  azure_devops: { start: 0, gap: [1, 1] },
};

export function runUrl(pipeline: PipelineSpec, runExternalId: string): string {
  switch (pipeline.provider) {
    case "github":
      return `https://github.com/${pipeline.repository}/actions/runs/${runExternalId}`;
    case "gitlab":
      return `https://gitlab.com/${pipeline.repository}/-/pipelines/${runExternalId}`;
    case "azure_devops":
      return `https://dev.azure.com/contoso/search/_build/results?buildId=${runExternalId}`;
  }
}

/** A job's id: numeric on GitHub and GitLab, a timeline-record GUID on Azure DevOps. */
export function jobExternalId(provider: SeedProvider, next: () => number, random: Random): string {
  return provider === "azure_devops" ? random.uuid() : String(next());
}

export function jobUrl(pipeline: PipelineSpec, runExternalId: string, jobExternalIdValue: string): string {
  switch (pipeline.provider) {
    case "github":
      return `https://github.com/${pipeline.repository}/actions/runs/${runExternalId}/job/${jobExternalIdValue}`;
    case "gitlab":
      return `https://gitlab.com/${pipeline.repository}/-/jobs/${jobExternalIdValue}`;
    case "azure_devops":
      return `${runUrl(pipeline, runExternalId)}&view=logs&j=${jobExternalIdValue}`;
  }
}

/** The machine a job ran on, named the way each provider names its runners. */
export function runnerName(pipeline: PipelineSpec, jobName: string, random: Random): string {
  const gpu = /train/i.test(jobName);
  switch (pipeline.provider) {
    case "github":
      return random.chance(0.8) ? "ubuntu-latest" : `GitHub Actions ${random.int(2, 40)}`;
    case "gitlab":
      return gpu ? `gpu-runner-a10g-${random.int(1, 3)}` : `saas-linux-medium-amd64`;
    case "azure_devops":
      return gpu ? `ml-gpu-pool ${random.int(1, 4)}` : `Azure Pipelines ${random.int(1, 12)}`;
  }
}
