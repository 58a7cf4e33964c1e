import { createPrometheusClient } from "@/lib/prometheus/client";
import { explainProviderError } from "./explain-error";
import { DEFAULT_PROBE_TIMEOUT_MS, failed, finished, type ProbeFinding, type ProbeResult } from "./types";

export type PrometheusProbeInput = {
  baseUrl: string;
  headers: Record<string, string>;
  queries: { id: string; promql: string }[];
  timeoutMs?: number;
};

const MAX_QUERIES = 20;

/**
 * Reads `status/buildinfo` with the stored sign-in (the version is reported as the
 * account), then runs each configured query once as an instant query, so a PromQL typo
 * shows here with Prometheus's own parse error instead of on the first scheduled pull.
 */
export async function probePrometheus(input: PrometheusProbeInput): Promise<ProbeResult> {
  const host = new URL(input.baseUrl).host;
  const client = createPrometheusClient({
    baseUrl: input.baseUrl,
    headers: input.headers,
    timeoutMs: input.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS,
  });
  let version: string;
  try {
    version = (await client.buildInfo()).version;
  } catch (error) {
    return failed(explainProviderError(error, "Prometheus", host));
  }
  const findings: ProbeFinding[] = [{ name: "Server", ok: true, detail: `Prometheus ${version}` }];
  const queries = input.queries.length > 0 ? input.queries : [{ id: "test query", promql: "vector(1)" }];
  for (const query of queries.slice(0, MAX_QUERIES)) {
    try {
      const answer = await client.query(query.promql);
      const series = Array.isArray(answer.result) ? answer.result.length : 1;
      findings.push({ name: query.id, ok: true, detail: `${answer.resultType} with ${series} series now` });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      findings.push({ name: query.id, ok: false, detail: message.slice(0, 300) });
    }
  }
  return finished(`Prometheus ${version}`, findings, null);
}
