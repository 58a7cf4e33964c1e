import { getPersonalAccessTokenHandler, WebApi } from "azure-devops-node-api";
import { explainProviderError } from "./explain-error";
import {
  DEFAULT_PROBE_TIMEOUT_MS,
  failed,
  finished,
  type ProbeFinding,
  type ProbeInput,
  type ProbeResult,
  rateLimitFrom,
} from "./types";

/**
 * azure-devops-node-api discovers every route before calling it (OPTIONS `_apis/<area>`,
 * and `_apis/ResourceAreas` for the host of each area). When the organisation URL is wrong
 * those lookups get a 404, which the client swallows and reports as these messages.
 */
const DISCOVERY_FAILURES = [/Failed to find api location/i, /resource areas?/i];

function explain(error: unknown, host: string): string {
  const message = (error as { message?: string } | undefined)?.message ?? "";
  if (DISCOVERY_FAILURES.some((pattern) => pattern.test(message))) {
    return "not found: check the base URL / organisation";
  }
  return explainProviderError(error, "Azure DevOps", host);
}

type WithRateLimit = { rateLimit?: { remaining?: number; limit?: number } };

/**
 * Signs in to an Azure DevOps organisation (or Server collection) with a personal access
 * token, lists its projects, and counts the build definitions of each configured project.
 */
export async function probeAzureDevOps(input: ProbeInput): Promise<ProbeResult> {
  const host = new URL(input.baseUrl).host;
  const api = new WebApi(
    input.baseUrl,
    getPersonalAccessTokenHandler(input.token),
    { socketTimeout: input.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS },
    // Naming the product also spares the client from reading its package.json at run time.
    { productName: "Tandem", productVersion: "1" },
  );
  let account: string | null;
  let projects: { name?: string }[] & WithRateLimit;
  try {
    // The client answers a 404 with null instead of throwing.
    const connection = await api.connect();
    if (!connection) return failed("not found: check the base URL / organisation");
    account = connection.authenticatedUser?.providerDisplayName ?? null;
    projects = await (await api.getCoreApi()).getProjects();
  } catch (error) {
    return failed(explain(error, host));
  }
  const findings: ProbeFinding[] = [
    {
      name: "Organisation",
      ok: true,
      detail: `${account ? `signed in as ${account}, ` : ""}${projects.length} project${projects.length === 1 ? "" : "s"} visible`,
    },
  ];
  let build: Awaited<ReturnType<WebApi["getBuildApi"]>> | undefined;
  for (const name of input.repositories) {
    const project = projects.find((p) => p.name?.toLowerCase() === name.toLowerCase());
    if (!project?.name) {
      findings.push({ name, ok: false, detail: "no such project, or the token cannot see it" });
      continue;
    }
    try {
      build ??= await api.getBuildApi();
      const definitions = await build.getDefinitions(project.name);
      const n = definitions.length;
      findings.push({
        name: project.name,
        ok: true,
        detail: `${n} pipeline definition${n === 1 ? "" : "s"}`,
      });
    } catch (error) {
      findings.push({ name: project.name, ok: false, detail: explain(error, host) });
    }
  }
  return finished(account, findings, rateLimitFrom(projects.rateLimit?.remaining, projects.rateLimit?.limit));
}
