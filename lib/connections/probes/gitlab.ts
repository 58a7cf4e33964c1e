import { Gitlab } from "@gitbeaker/rest";
import { explainProviderError, providerStatus } from "./explain-error";
import {
  DEFAULT_PROBE_TIMEOUT_MS,
  failed,
  finished,
  type ProbeFinding,
  type ProbeInput,
  type ProbeResult,
  rateLimitFrom,
} from "./types";

type Headers = Record<string, string>;

/**
 * Signs in to GitLab (gitlab.com or self-managed) with the token, then looks up each
 * configured project by its path. Headroom comes from GitLab's `ratelimit-*` headers,
 * which self-managed instances may not send.
 */
export async function probeGitLab(input: ProbeInput): Promise<ProbeResult> {
  const host = new URL(input.baseUrl).host;
  const api = new Gitlab({
    host: input.baseUrl,
    token: input.token,
    queryTimeout: input.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS,
  });
  let headers: Headers;
  let account: string;
  try {
    const response = await api.Users.showCurrentUser({ showExpanded: true });
    account = response.data.username;
    headers = response.headers;
  } catch (error) {
    return failed(explainProviderError(error, "GitLab", host));
  }
  const findings: ProbeFinding[] = [{ name: "Account", ok: true, detail: `signed in as ${account}` }];
  for (const path of input.repositories) {
    try {
      const response = await api.Projects.show(path, { showExpanded: true });
      headers = response.headers;
      const project = response.data;
      findings.push({
        name: String(project.path_with_namespace),
        ok: true,
        detail: `${project.visibility ?? "visible"} project, default branch ${project.default_branch ?? "none"}`,
      });
    } catch (error) {
      const detail =
        providerStatus(error) === 404
          ? "not found, or the token cannot see it"
          : explainProviderError(error, "GitLab", host);
      findings.push({ name: path, ok: false, detail });
    }
  }
  return finished(
    account,
    findings,
    rateLimitFrom(headers["ratelimit-remaining"], headers["ratelimit-limit"]),
  );
}
