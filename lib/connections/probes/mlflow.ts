import { createMlflowClient, MlflowHttpError } from "@/lib/mlflow/client";
import { explainProviderError } from "./explain-error";
import { DEFAULT_PROBE_TIMEOUT_MS, failed, finished, type ProbeFinding, type ProbeResult } from "./types";

export type MlflowProbeInput = {
  baseUrl: string;
  headers: Record<string, string>;
  /** Registered-model names from the config; empty means "every model". */
  models: string[];
  timeoutMs?: number;
};

/** At most this many configured models are looked up one by one. */
const MAX_LOOKUPS = 20;

/**
 * Lists registered models (`registered-models/search`) with the stored sign-in, then looks
 * up each configured model by name. MLflow has no "who am I", so no account is reported.
 */
export async function probeMlflow(input: MlflowProbeInput): Promise<ProbeResult> {
  const host = new URL(input.baseUrl).host;
  const client = createMlflowClient({
    baseUrl: input.baseUrl,
    headers: input.headers,
    timeoutMs: input.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS,
  });
  const findings: ProbeFinding[] = [];
  try {
    const page = await client.searchRegisteredModels({ maxResults: 100 });
    const count = `${page.registered_models.length}${page.next_page_token ? "+" : ""}`;
    findings.push({ name: "Model registry", ok: true, detail: `${count} registered models visible` });
  } catch (error) {
    return failed(explainProviderError(error, "MLflow", host));
  }
  for (const name of input.models.slice(0, MAX_LOOKUPS)) {
    try {
      const model = await client.getRegisteredModel(name);
      const latest = model.latest_versions.map((v) => Number(v.version)).sort((a, b) => b - a)[0];
      findings.push({ name, ok: true, detail: latest ? `latest version ${latest}` : "no versions yet" });
    } catch (error) {
      const detail =
        error instanceof MlflowHttpError && error.statusCode === 404
          ? "not found, or the sign-in cannot see it"
          : explainProviderError(error, "MLflow", host);
      findings.push({ name, ok: false, detail });
    }
  }
  return finished(null, findings, null);
}
