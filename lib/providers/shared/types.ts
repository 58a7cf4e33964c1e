/**
 * What a provider webhook means for Tandem, in Tandem's words. Mappers produce these from
 * the providers' payloads; lib/webhooks stores them. Plain types with no database imports,
 * so mappers stay pure and unit-testable (the unions mirror the enums in lib/db/schema).
 */

export type RunStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled" | "skipped";
export type DeploymentStatus = "queued" | "in_progress" | "succeeded" | "failed" | "cancelled";
export type CiProvider = "github" | "gitlab" | "azure_devops";

export type PipelineDraft = {
  provider: CiProvider;
  externalId: string;
  name: string;
  repository?: string | null;
  url?: string | null;
};

export type JobDraft = {
  externalId: string;
  name: string;
  stage?: string | null;
  status: RunStatus;
  runner?: string | null;
  url?: string | null;
  position?: number;
  startedAt?: Date | null;
  finishedAt?: Date | null;
};

export type RunFields = {
  externalId: string;
  runNumber?: number | null;
  attempt?: number;
  status: RunStatus;
  title?: string | null;
  commitSha?: string | null;
  branch?: string | null;
  actor?: string | null;
  trigger?: string | null;
  url?: string | null;
  queuedAt: Date;
  startedAt?: Date | null;
  finishedAt?: Date | null;
  providerUpdatedAt?: Date | null;
};

/** A normalized run without its Tandem project, which comes from the connection's config. */
export type RunDraft = { pipeline: PipelineDraft; run: RunFields; jobs?: JobDraft[] };

export type DeploymentDraft = {
  /** Unique per provider, e.g. `github:145988746`. */
  externalId: string;
  /** Names the provider gave the environment; matched to a Tandem environment's slug or name. */
  environments: string[];
  status: DeploymentStatus;
  /** The release the deployment ships: found or created per project by this version. */
  version: string;
  commitSha?: string | null;
  actor?: string | null;
  description?: string | null;
  url?: string | null;
  startedAt: Date;
  finishedAt?: Date | null;
  /** The provider's time for this state: a stale event never overwrites a newer one. */
  updatedAt: Date;
  /** The CI run (or the job inside it) that performed the deployment, when known. */
  performedBy?: { runExternalId: string } | { jobExternalId: string } | null;
};

/**
 * The effect of one delivery. `repositories` are the names the payload gives its repository
 * or project (most specific first), matched against the connection's config.
 */
export type WebhookEffect =
  | { kind: "run"; repositories: string[]; draft: RunDraft; adoptPlaceholders?: boolean }
  | {
      kind: "jobs";
      repositories: string[];
      runExternalId: string;
      /** How to find the run cheaply: its pipeline when the payload names it, else its commit. */
      lookup: { pipelineExternalId: string } | { commitSha: string };
      /** Stored when the run has not arrived yet (jobs can outrun their run's own event). */
      fallback: RunDraft;
      jobs: JobDraft[];
    }
  | { kind: "deployment"; repositories: string[]; draft: DeploymentDraft }
  | { kind: "gate"; repositories: string[]; draft: GateDraft }
  | { kind: "ignore"; reason: string };

/**
 * A provider pipeline waiting for Tandem's decision (GitHub custom deployment protection
 * rule, GitLab blocked deployment, Azure DevOps "Invoke REST API" check): Tandem opens a
 * promotion request for the release of that commit and answers the provider when decided.
 */
export type GateDraft = {
  provider: CiProvider;
  /** Unique per provider gate, e.g. `github:<deployment id>`; a repeated event opens nothing twice. */
  key: string;
  environments: string[];
  version: string;
  commitSha?: string | null;
  actor?: string | null;
  description: string;
  callbackUrl?: string;
  /** Ids the answer needs (stored in promotion_requests.external_gate.ref). */
  ref: Record<string, string | number>;
};
