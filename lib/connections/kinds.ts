/**
 * Facts about the CI providers a connection can point at. No server imports: the settings
 * pages' client components read these too (labels, default base URLs, hints).
 */

export const CI_CONNECTION_KINDS = ["github", "gitlab", "azure_devops"] as const;
export type CiConnectionKind = (typeof CI_CONNECTION_KINDS)[number];

export function isCiConnectionKind(kind: string): kind is CiConnectionKind {
  return (CI_CONNECTION_KINDS as readonly string[]).includes(kind);
}

/** Kinds Tandem calls on a schedule instead of receiving webhooks from. */
export const PULL_CONNECTION_KINDS = ["mlflow", "prometheus"] as const;
export type PullConnectionKind = (typeof PULL_CONNECTION_KINDS)[number];

export function isPullConnectionKind(kind: string): kind is PullConnectionKind {
  return (PULL_CONNECTION_KINDS as readonly string[]).includes(kind);
}

/** Every kind the settings pages and `/api/v1/connections` can create, test and edit. */
export const MANAGED_CONNECTION_KINDS = [...CI_CONNECTION_KINDS, ...PULL_CONNECTION_KINDS] as const;
export type ManagedConnectionKind = (typeof MANAGED_CONNECTION_KINDS)[number];

export function isManagedConnectionKind(kind: string): kind is ManagedConnectionKind {
  return (MANAGED_CONNECTION_KINDS as readonly string[]).includes(kind);
}

export const KIND_LABELS: Record<string, string> = {
  github: "GitHub",
  gitlab: "GitLab",
  azure_devops: "Azure DevOps",
  mlflow: "MLflow",
  prometheus: "Prometheus",
  generic: "Generic",
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

/** Azure DevOps, MLflow and Prometheus have no default: every installation has its own URL. */
export const DEFAULT_BASE_URLS: Record<ManagedConnectionKind, string> = {
  github: "https://api.github.com",
  gitlab: "https://gitlab.com",
  azure_devops: "",
  mlflow: "",
  prometheus: "",
};

export const BASE_URL_HINTS: Record<ManagedConnectionKind, string> = {
  github: "https://api.github.com, or https://<host>/api/v3 for GitHub Enterprise Server.",
  gitlab: "https://gitlab.com, or the address of your self-managed GitLab.",
  azure_devops: "Your organisation URL, e.g. https://dev.azure.com/<organisation>.",
  mlflow: "The tracking server's address, e.g. https://mlflow.example.com (Tandem adds /api/2.0/mlflow).",
  prometheus: "The server's address, e.g. https://prometheus.example.com (Tandem adds /api/v1).",
};

/** What a "repository" row names for each provider. */
export const REPOSITORY_HINTS: Record<CiConnectionKind, { label: string; placeholder: string }> = {
  github: { label: "Repository", placeholder: "owner/repo" },
  gitlab: { label: "Project path", placeholder: "group/project" },
  azure_devops: { label: "Azure DevOps project", placeholder: "Project name" },
};

/** The path segment of `/api/webhooks/<segment>/<id>` (URLs use a hyphen, the enum an underscore). */
export const WEBHOOK_PATH_SEGMENTS: Record<CiConnectionKind, string> = {
  github: "github",
  gitlab: "gitlab",
  azure_devops: "azure-devops",
};

/** Where a provider must send its webhooks for this connection; null for non-CI kinds. */
export function webhookUrl(origin: string, kind: string, connectionId: string): string | null {
  if (!isCiConnectionKind(kind)) return null;
  return `${origin.replace(/\/+$/, "")}/api/webhooks/${WEBHOOK_PATH_SEGMENTS[kind]}/${connectionId}`;
}
