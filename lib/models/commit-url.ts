import type { Provider } from "@/lib/db/schema/enums";

const SHA = /^[0-9a-f]{7,64}$/i;

/**
 * The provider's page of a commit, derived from the training run's own link (so self-hosted
 * GitHub Enterprise and GitLab instances work too), or null when it cannot be derived:
 * Tandem stores no repository URL, and guessing one would send people to a wrong page.
 * Azure DevOps needs the repository name as well, which the pipeline records.
 */
export function commitUrl(input: {
  sha: string | null;
  provider: Provider;
  runUrl: string | null;
  repository?: string | null;
}): string | null {
  const { sha, provider, runUrl, repository } = input;
  if (!sha || !SHA.test(sha) || !runUrl) return null;
  let url: URL;
  try {
    url = new URL(runUrl);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  const path = url.pathname;
  const root = url.origin;
  if (provider === "github") {
    const m = /^(\/[^/]+\/[^/]+)\/actions\/runs\//.exec(path);
    return m ? `${root}${m[1]}/commit/${sha}` : null;
  }
  if (provider === "gitlab") {
    const m = /^(\/.+?)\/-\/pipelines\//.exec(path);
    return m ? `${root}${m[1]}/-/commit/${sha}` : null;
  }
  if (provider === "azure_devops") {
    const m = /^(\/[^/]+\/[^/]+)\/_build\//.exec(path);
    if (!m || !repository || !/^[\w.-]+$/.test(repository)) return null;
    return `${root}${m[1]}/_git/${encodeURIComponent(repository)}/commit/${sha}`;
  }
  return null;
}
