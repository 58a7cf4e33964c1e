import { Octokit } from "@octokit/rest";
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

const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** An Octokit on this base URL whose every request gives up after `timeoutMs`. */
function client(input: ProbeInput): Octokit {
  const timeoutMs = input.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  return new Octokit({
    auth: input.token,
    baseUrl: input.baseUrl,
    log: silent,
    request: {
      fetch: (url: string | URL, init?: RequestInit) =>
        fetch(url, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) }),
    },
  });
}

async function checkRepository(octokit: Octokit, fullName: string, host: string): Promise<ProbeFinding> {
  const [owner, repo, ...rest] = fullName.split("/");
  if (!owner || !repo || rest.length > 0) {
    return { name: fullName, ok: false, detail: "write it as owner/repo" };
  }
  try {
    const { data } = await octokit.repos.get({ owner, repo });
    const workflows = await octokit.actions.listRepoWorkflows({ owner, repo, per_page: 1 });
    const count = workflows.data.total_count;
    return {
      name: data.full_name,
      ok: true,
      detail: `${data.private ? "private" : "public"} repository, ${count} workflow${count === 1 ? "" : "s"}`,
    };
  } catch (error) {
    const detail =
      providerStatus(error) === 404
        ? "not found, or the token cannot see it"
        : explainProviderError(error, "GitHub", host);
    return { name: fullName, ok: false, detail };
  }
}

/**
 * Signs in to GitHub (github.com or Enterprise Server) with the token, then looks up each
 * configured repository and counts its workflows. Rate-limit headroom comes from the
 * `x-ratelimit-*` headers of the last answer (Enterprise servers may send none).
 */
export async function probeGitHub(input: ProbeInput): Promise<ProbeResult> {
  const host = new URL(input.baseUrl).host;
  const octokit = client(input);
  // Headroom is read from the latest answer, so it counts the requests made here.
  let headers: Record<string, unknown> = {};
  octokit.hook.after("request", (response) => {
    headers = response.headers;
  });
  let account: string;
  try {
    account = (await octokit.users.getAuthenticated()).data.login;
  } catch (error) {
    return failed(explainProviderError(error, "GitHub", host));
  }
  const findings: ProbeFinding[] = [{ name: "Account", ok: true, detail: `signed in as ${account}` }];
  for (const repository of input.repositories) {
    findings.push(await checkRepository(octokit, repository, host));
  }
  return finished(
    account,
    findings,
    rateLimitFrom(headers["x-ratelimit-remaining"], headers["x-ratelimit-limit"]),
  );
}
