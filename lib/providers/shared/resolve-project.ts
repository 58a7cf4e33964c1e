/** The connection config fields project resolution reads (see providerConnectionConfigSchema). */
export type ProjectMappingConfig = {
  repositories: { name: string; projectId: string }[];
  defaultProjectId?: string;
};

export type ProjectResolution =
  | { projectId: string; matched: string | null }
  | { projectId: null; reason: string };

const normalize = (name: string) =>
  name
    .trim()
    .replace(/^\/+|\/+$/g, "")
    .toLowerCase();

/**
 * Which Tandem project a delivery belongs to: the first configured repository whose name
 * matches one the payload gives (case-insensitive: GitHub and Azure DevOps names are), else
 * the connection's default project, else none with the reason shown in the delivery log.
 */
export function resolveProject(config: ProjectMappingConfig, candidates: string[]): ProjectResolution {
  const wanted = candidates.filter(Boolean).map(normalize);
  for (const name of wanted) {
    const hit = config.repositories.find((repo) => normalize(repo.name) === name);
    if (hit) return { projectId: hit.projectId, matched: hit.name };
  }
  if (config.defaultProjectId) return { projectId: config.defaultProjectId, matched: null };
  return {
    projectId: null,
    reason: `no project mapping for ${candidates.find(Boolean) ?? "this repository"}`,
  };
}
